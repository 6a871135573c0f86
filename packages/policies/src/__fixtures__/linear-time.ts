/**
 * "Runs in linear time", measured without absolute times, which would fail on a slow or
 * busy machine: time the same work on an input and on one ten times longer, in the same
 * run, and compare. Linear work grows about 10×; a quadratic regular expression grows
 * about 100×. Callers assert a ratio of at most 15.
 *
 * The clock is this process's CPU time, not the wall clock: the tests share two cores
 * with other suites, and wall-clock ratios of linear code swung between 3× and 30× under
 * that load, while CPU time only counts work this process did.
 *
 * Garbage collection is the other trap: V8 allocates short-lived objects almost for free
 * but pays to copy and promote objects that stay alive, so pushing 200,000 objects into
 * an array costs ~40× pushing 20,000, not 10×. A parse of a 200,000-character draft keeps
 * tens of thousands of lines, headings and errors alive at once, one of 20,000 a tenth as
 * many. So a sample of the small input runs it ten times as often and keeps every result
 * until the sample ends: both samples hold about as much at once, pay for the same kind
 * of collection, and only the algorithm's growth is compared. Each sample also runs for
 * several milliseconds, so clock granularity does not matter; the two sizes are measured
 * alternately and each keeps its fastest round (interruptions only ever add time).
 *
 * Linear code that allocates per line (50,000 empty headings, each with a section and an
 * error) still measured 10-18× now and then, as bigger structures miss the CPU caches
 * more, so expectLinearGrowth measures up to three times and passes on the first ratio
 * within the limit: a quadratic pattern is about 100× every time.
 */
export const LINEAR_GROWTH_LIMIT = 15;

const MIN_SAMPLE_MS = 5;
const ROUNDS = 4;

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function perCallMs(run: () => unknown, repetitions: number): number {
  const kept: unknown[] = new Array<unknown>(repetitions);
  const started = cpuMs();
  for (let i = 0; i < repetitions; i += 1) kept[i] = run();
  const elapsed = cpuMs() - started;
  kept.length = 0;
  return elapsed / repetitions;
}

/** Enough repetitions that one sample takes at least MIN_SAMPLE_MS. */
function repetitionsFor(run: () => unknown): number {
  let repetitions = 1;
  for (;;) {
    const started = cpuMs();
    for (let i = 0; i < repetitions; i += 1) run();
    const elapsed = cpuMs() - started;
    if (elapsed >= MIN_SAMPLE_MS || repetitions >= 1 << 12) return repetitions;
    repetitions = elapsed <= 0 ? repetitions * 8 : Math.ceil((repetitions * MIN_SAMPLE_MS * 1.2) / elapsed);
  }
}

/** t(large) / t(small) for `run` on inputs whose sizes differ by `factor`. */
export function growthRatio<T>(run: (input: T) => unknown, small: T, large: T, factor = 10): number {
  const runSmall = (): unknown => run(small);
  const runLarge = (): unknown => run(large);
  // Warm up: let the JIT compile the code paths both inputs take.
  runSmall();
  runLarge();
  const largeRepetitions = repetitionsFor(runLarge);
  // `factor` times as many for linear work; no more than needed when the call barely depends on size.
  const smallRepetitions = Math.min(largeRepetitions * factor, 4 * repetitionsFor(runSmall));
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    smallTimes.push(perCallMs(runSmall, smallRepetitions));
    largeTimes.push(perCallMs(runLarge, largeRepetitions));
  }
  return Math.min(...largeTimes) / Math.max(Math.min(...smallTimes), 1e-6);
}

/** Throws unless 10× the input takes at most LINEAR_GROWTH_LIMIT× the time, in one of three measurements. */
export function expectLinearGrowth<T>(run: (input: T) => unknown, small: T, large: T): void {
  const ratios: number[] = [];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const ratio = growthRatio(run, small, large);
    if (ratio <= LINEAR_GROWTH_LIMIT) return;
    ratios.push(ratio);
  }
  throw new Error(
    `10x the input took ${ratios.map((ratio) => `${ratio.toFixed(1)}x`).join(', ')} the time (limit ${LINEAR_GROWTH_LIMIT}x)`,
  );
}

/**
 * An adversarial input of about `size` characters: `prefix`, then `unit` repeated, then
 * `suffix` (the character that makes a greedy pattern backtrack at the very end).
 */
export function repeated(prefix: string, unit: string, suffix: string, size: number): string {
  const count = Math.max(1, Math.floor((size - prefix.length - suffix.length) / Math.max(1, unit.length)));
  return prefix + unit.repeat(count) + suffix;
}
