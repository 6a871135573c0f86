import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import { Redis } from 'ioredis';
import lighthouse, { generateReport, type Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import pg from 'pg';
import { freePort } from './bench-processes.js';
import { productionApiEnv, startBenchApi, uptime } from './read-bench.js';

const here = dirname(fileURLToPath(import.meta.url));
const apiDir = resolve(here, '..', '..');
const repoDir = resolve(apiDir, '..', '..');

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** Headless, and nothing Chrome would do on its own (updates, sync, background fetches) to disturb the trace. */
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Runs per page; the reported one is Lighthouse's own median run (closest to the median FCP and TTI). */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const POLICY_PATH = '/policies/social-media-policy';
/** Where to keep each page's median run as Lighthouse's HTML report, to open in a browser; none unless set. */
const REPORT_DIR = process.env.LIGHTHOUSE_REPORT_DIR;

/** Issue #13's targets. */
export const LIGHTHOUSE_TARGETS = { lcpMs: 2500, cls: 0.1, tbtMs: 200, score: 90 } as const;

interface Figures {
  fcpMs?: number;
  lcpMs?: number;
  tbtMs?: number;
  cls?: number;
  score?: number;
}

/** Issue #13's "before" figures (the client-rendered app), where the issue gives them. */
const BEFORE: Record<string, Figures> = {
  home: { fcpMs: 4300, lcpMs: 4800, tbtMs: 370, score: 63 },
  question: { lcpMs: 5500, tbtMs: 520, score: 51 },
  policy: { lcpMs: 5700, tbtMs: 570, cls: 0.37, score: 35 },
};

export interface Opportunity {
  id: string;
  title: string;
  displayValue?: string;
  /** Milliseconds of LCP and FCP Lighthouse estimates fixing it would save, where it says. */
  lcpSavingsMs?: number;
  fcpSavingsMs?: number;
  tbtSavingsMs?: number;
  clsSavings?: number;
}

export interface LighthousePage {
  name: 'home' | 'question' | 'policy';
  path: string;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  score: number;
  before: Figures;
  met: { lcp: boolean; cls: boolean; tbt: boolean; score: boolean };
  /** Lighthouse's failing performance audits, the largest estimated savings first. */
  opportunities: Opportunity[];
}

export interface LighthouseReport {
  date: string;
  cores: number;
  lighthouseVersion: string;
  /** Lighthouse's CPU benchmark of this machine at the time (higher is faster; a busy machine scores lower). */
  benchmarkIndex: number;
  loadAverage: string;
  formFactor: string;
  throttling: string;
  runsPerPage: number;
  targets: typeof LIGHTHOUSE_TARGETS;
  pages: LighthousePage[];
}

/** The demo data (what `npm start` seeds) in a database of the benchmark's own, so nobody's local demo is touched. */
function demoDatabaseUrl(): string {
  if (process.env.LIGHTHOUSE_DATABASE_URL) return process.env.LIGHTHOUSE_DATABASE_URL;
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/policy_commons');
  url.pathname = '/policy_commons_lighthouse';
  return url.toString();
}

/** Creates, migrates and seeds the demo once (cli/prepare.ts, as `npm start` does); later runs find it done. */
function prepareDemo(databaseUrl: string, redisPrefix: string): void {
  execFileSync(process.execPath, [join(apiDir, 'dist', 'cli', 'prepare.js')], {
    cwd: apiDir,
    // prepare.ts seeds the demo only in development; the api that serves it below runs as production.
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: databaseUrl, REDIS_PREFIX: redisPrefix },
    stdio: 'pipe',
    timeout: 300_000,
  });
}

const metric = (lhr: Result, id: string) => {
  const value = lhr.audits[id]?.numericValue;
  if (value === undefined) throw new Error(`Lighthouse reported no ${id} for ${lhr.finalDisplayedUrl}${lhr.runtimeError ? ` (${lhr.runtimeError.message})` : ''}`);
  return value;
};

function opportunities(lhr: Result): Opportunity[] {
  const refs = lhr.categories.performance?.auditRefs ?? [];
  const found: Opportunity[] = [];
  for (const ref of refs) {
    if (ref.group === 'metrics' || ref.group === 'hidden') continue;
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 0.9) continue;
    const savings = audit.metricSavings ?? {};
    found.push({
      id: audit.id,
      title: audit.title,
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      ...(savings.LCP ? { lcpSavingsMs: Math.round(savings.LCP) } : {}),
      ...(savings.FCP ? { fcpSavingsMs: Math.round(savings.FCP) } : {}),
      ...(savings.TBT ? { tbtSavingsMs: Math.round(savings.TBT) } : {}),
      ...(savings.CLS ? { clsSavings: Math.round(savings.CLS * 1000) / 1000 } : {}),
    });
  }
  const weight = (o: Opportunity) => (o.lcpSavingsMs ?? 0) + (o.fcpSavingsMs ?? 0) + (o.tbtSavingsMs ?? 0) + (o.clsSavings ?? 0) * 10_000;
  return found.sort((a, b) => weight(b) - weight(a)).slice(0, 8);
}

function summarise(name: LighthousePage['name'], path: string, lhr: Result): LighthousePage {
  const page = {
    fcpMs: Math.round(metric(lhr, 'first-contentful-paint')),
    lcpMs: Math.round(metric(lhr, 'largest-contentful-paint')),
    tbtMs: Math.round(metric(lhr, 'total-blocking-time')),
    cls: Math.round(metric(lhr, 'cumulative-layout-shift') * 1000) / 1000,
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
  };
  return {
    name,
    path,
    ...page,
    before: BEFORE[name] ?? {},
    met: { lcp: page.lcpMs <= LIGHTHOUSE_TARGETS.lcpMs, cls: page.cls <= LIGHTHOUSE_TARGETS.cls, tbt: page.tbtMs <= LIGHTHOUSE_TARGETS.tbtMs, score: page.score >= LIGHTHOUSE_TARGETS.score },
    opportunities: opportunities(lhr),
  };
}

/**
 * `npm run bench:lighthouse` (and the end of `npm run bench`): Lighthouse's performance
 * audit, mobile with its default simulated throttling, of the home page, a question and a
 * policy as the api serves them in production, on the demo data. Writes the figures into
 * bench/results/latest.json (key `lighthouse`) and a section of docs/BENCHMARKS.md.
 */
export async function runLighthouseBench(): Promise<LighthouseReport> {
  if (!existsSync(join(repoDir, 'apps', 'web', 'dist', 'index.html')) || !existsSync(join(repoDir, 'apps', 'web', 'dist-server'))) {
    throw new Error('No web build (apps/web/dist and dist-server): run `npm run build` first.');
  }
  const databaseUrl = demoDatabaseUrl();
  const redisPrefix = `pclighthouse${process.pid}`;
  console.log(`Lighthouse: preparing the demo data in ${new URL(databaseUrl).pathname.slice(1)}…`);
  prepareDemo(databaseUrl, redisPrefix);

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  let questionId: string;
  try {
    // The demo question with the most answers: the longest page, the hardest one to paint.
    const row = (await db.query<{ id: string }>(`SELECT id FROM questions WHERE hidden_at IS NULL AND deleted_at IS NULL ORDER BY answer_count DESC, created_at, id LIMIT 1`)).rows[0];
    if (!row) throw new Error('the demo data has no question');
    questionId = row.id;
  } finally {
    await db.end();
  }

  const port = await freePort();
  const api = await startBenchApi('api (lighthouse)', port, productionApiEnv(port, databaseUrl, redisPrefix));
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const pages: LighthousePage[] = [];
  let version = '';
  let benchmarkIndex = 0;
  let formFactor = '';
  let throttling = '';
  const loadAverage = uptime();
  try {
    const targets: [LighthousePage['name'], string][] = [
      ['home', '/'],
      ['question', `/q/${questionId}`],
      ['policy', POLICY_PATH],
    ];
    for (const [name, path] of targets) {
      const status = (await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } })).status;
      if (status !== 200) throw new Error(`GET ${path} answered ${status}; Lighthouse would measure an error page`);
      const runs: Result[] = [];
      // A trace Lighthouse could not record (NO_NAVSTART and the like, now and then on a busy machine) is run again, a few times at most.
      for (let attempt = 1; runs.length < RUNS; attempt += 1) {
        const result = await lighthouse(`${api.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
        const error = result ? result.lhr.runtimeError : { code: 'NO_RESULT', message: 'Lighthouse returned nothing' };
        if (!error && result) runs.push(result.lhr);
        else if (attempt >= RUNS * 2) throw new Error(`Lighthouse could not audit ${path}: ${error?.message} (${error?.code})`);
        else console.log(`Lighthouse ${name}: run ${attempt} failed (${error?.code}), running it again`);
      }
      const median = computeMedianRun(runs);
      if (REPORT_DIR) {
        mkdirSync(REPORT_DIR, { recursive: true });
        writeFileSync(join(REPORT_DIR, `${name}.report.html`), generateReport(median, 'html'));
      }
      version = median.lighthouseVersion;
      benchmarkIndex = median.environment.benchmarkIndex;
      formFactor = median.configSettings.formFactor;
      const t = median.configSettings.throttling;
      throttling = `${median.configSettings.throttlingMethod}: ${t.rttMs} ms RTT, ${t.throughputKbps} Kbps, CPU ×${t.cpuSlowdownMultiplier}`;
      const page = summarise(name, path, median);
      pages.push(page);
      console.log(
        `Lighthouse ${name} (${path}): FCP ${page.fcpMs} ms, LCP ${page.lcpMs} ms, TBT ${page.tbtMs} ms, CLS ${page.cls}, performance ${page.score}` +
          ` (runs: ${runs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100)).join(', ')})`,
      );
    }
  } finally {
    chrome.kill();
    await api.stop();
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
    await redis.connect().catch(() => undefined);
    const keys = await redis.keys(`${redisPrefix}:*`).catch(() => [] as string[]);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }

  const report: LighthouseReport = {
    date: new Date().toISOString(),
    cores: cpus().length,
    lighthouseVersion: version,
    benchmarkIndex,
    loadAverage,
    formFactor,
    throttling,
    runsPerPage: RUNS,
    targets: LIGHTHOUSE_TARGETS,
    pages,
  };
  writeLighthouseResults(report);
  return report;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
const mark = (met: boolean) => (met ? '' : ' ✗');

function writeLighthouseResults(report: LighthouseReport): void {
  const resultsDir = join(repoDir, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const latestFile = join(resultsDir, 'latest.json');
  // Beside the read benchmark's figures, whichever of the two ran last.
  const latest = existsSync(latestFile) ? (JSON.parse(readFileSync(latestFile, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(latestFile, `${JSON.stringify({ ...latest, lighthouse: report }, null, 2)}\n`);

  const t = report.targets;
  const rows = report.pages.map(
    (p) =>
      `| ${p.name} (\`${p.path.startsWith('/q/') ? '/q/<id>' : p.path}\`) | ${seconds(p.fcpMs)} | ${seconds(p.lcpMs)}${mark(p.met.lcp)} | ${p.tbtMs} ms${mark(p.met.tbt)} | ${p.cls}${mark(p.met.cls)} | ${p.score}${mark(p.met.score)} | ` +
      `${[p.before.fcpMs !== undefined ? `FCP ${seconds(p.before.fcpMs)}` : '', p.before.lcpMs !== undefined ? `LCP ${seconds(p.before.lcpMs)}` : '', p.before.tbtMs !== undefined ? `TBT ${p.before.tbtMs} ms` : '', p.before.cls !== undefined ? `CLS ${p.before.cls}` : '', p.before.score !== undefined ? `score ${p.before.score}` : ''].filter(Boolean).join(', ')} |`,
  );
  const missed = report.pages.filter((p) => !Object.values(p.met).every(Boolean));
  const opportunitiesText = missed
    .map((p) => {
      const lines = p.opportunities.map((o) => {
        const savings = [o.lcpSavingsMs ? `LCP −${o.lcpSavingsMs} ms` : '', o.fcpSavingsMs ? `FCP −${o.fcpSavingsMs} ms` : '', o.tbtSavingsMs ? `TBT −${o.tbtSavingsMs} ms` : '', o.clsSavings ? `CLS −${o.clsSavings}` : '']
          .filter(Boolean)
          .join(', ');
        return `  - ${o.title} (\`${o.id}\`)${o.displayValue ? `: ${o.displayValue}` : ''}${savings ? ` — estimated ${savings}` : ''}`;
      });
      return `- **${p.name}** misses ${Object.entries(p.met)
        .filter(([, met]) => !met)
        .map(([name]) => name.toUpperCase())
        .join(', ')}. Lighthouse's failing audits, largest estimated savings first:\n${lines.join('\n') || '  - (none reported)'}`;
    })
    .join('\n');
  appendFileSync(
    join(repoDir, 'docs', 'BENCHMARKS.md'),
    `\n## Lighthouse ${report.date.slice(0, 16).replace('T', ' ')} UTC (${report.cores} cores)\n\n` +
      `\`npm run bench:lighthouse\`: Lighthouse ${report.lighthouseVersion}, performance only, ${report.formFactor} with its default ${report.throttling}; ` +
      `headless Chromium; the api in production mode serving the demo data (server-rendered pages); median of ${report.runsPerPage} runs per page. ` +
      `Load average ${report.loadAverage}; Lighthouse's benchmark index of this machine ${report.benchmarkIndex} (a shared, busy machine scores lower, and simulated TBT grows with it).\n\n` +
      `Targets (#13): LCP ≤ ${seconds(t.lcpMs)}, CLS ≤ ${t.cls}, TBT ≤ ${t.tbtMs} ms, performance ≥ ${t.score}; ✗ marks a miss.\n\n` +
      `| page | FCP | LCP | TBT | CLS | performance | before (#13, client-rendered) |\n| --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n\n` +
      (missed.length ? `${opportunitiesText}\n` : 'Every target is met.\n'),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runLighthouseBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
