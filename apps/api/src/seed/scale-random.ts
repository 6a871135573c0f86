/**
 * Deterministic randomness for the scale data: the same seed gives the same forum, row for
 * row, on any machine. A few lines of well-known mixing functions rather than a faker
 * library: the scale seed needs numbers and uuids, not fake names, and these run in the
 * tens of millions of calls per seed.
 */

/** mulberry32: a small, fast 32-bit generator with a full 2^32 period; plenty for test data. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A whole number in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Exponentially distributed with the given mean (waiting times). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}

/**
 * Ranks 0..n-1 drawn with probability proportional to 1/(rank+1)^s: a few communities,
 * tags, words and people account for most of the activity, as on a real forum.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(
    readonly n: number,
    exponent: number,
  ) {
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k += 1) {
      total += 1 / Math.pow(k + 1, exponent);
      this.cumulative[k] = total;
    }
    for (let k = 0; k < n; k += 1) this.cumulative[k] = (this.cumulative[k] as number) / total;
  }

  sample(random: SeededRandom): number {
    const u = random.next();
    let low = 0;
    let high = this.n - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) < u) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/**
 * The uuid of row `index` of a kind of row (a small number per table), the same on every
 * run without being stored: a question's answers, votes and citations can name it before
 * its row is written. Shaped as a random (version 4) uuid, like gen_random_uuid's.
 */
export function stableUuid(seed: number, kind: number, index: number): string {
  const a = mix32(seed ^ mix32(kind * 0x9e3779b1 + index));
  const b = mix32(a ^ (index + 0x7f4a7c15));
  const c = mix32(b ^ (kind + 0x94d049bb));
  const d = mix32(c ^ mix32(index ^ 0x2545f491));
  const text = hex8(a) + hex8(b) + hex8(c) + hex8(d);
  const variant = ((parseInt(text[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-4${text.slice(13, 16)}-${variant}${text.slice(17, 20)}-${text.slice(20, 32)}`;
}
