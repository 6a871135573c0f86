import { printDigestBench, runDigestBench } from './digest.js';

/** `npm run bench`: every api benchmark, one after the other. */
async function main(): Promise<void> {
  const result = await runDigestBench({
    subscribers: Number(process.env.BENCH_SUBSCRIBERS ?? 10_000),
    workers: Number(process.env.BENCH_WORKERS ?? 1),
  });
  printDigestBench(result);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
