import { DEFAULT_SCALE_SEED, scaleDatabaseUrl, seedScaleData, type ScaleSize } from '../seed/scale-seed.js';

/**
 * `npm run seed:scale -- --size large|small [--seed N]`: replaces the scale database
 * (SCALE_DATABASE_URL, default policy_commons_scale on DATABASE_URL's server) with
 * issue #11's forum, or 1 % of it. Never the demo database.
 */
function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  const arg = args[at] as string;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1];
}

const size = (argument('size') ?? 'large') as ScaleSize;
const seed = Number(argument('seed') ?? DEFAULT_SCALE_SEED);
if (size !== 'large' && size !== 'small') {
  console.error(`--size must be large or small (got "${size}")`);
  process.exit(1);
}
if (!Number.isSafeInteger(seed)) {
  console.error('--seed must be a whole number');
  process.exit(1);
}

try {
  const report = await seedScaleData({ databaseUrl: scaleDatabaseUrl(), size, seed });
  console.log(Object.entries(report.rows).map(([table, count]) => `  ${table}: ${count.toLocaleString('en-GB')}`).join('\n'));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
