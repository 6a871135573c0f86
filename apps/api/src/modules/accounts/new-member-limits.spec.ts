import { countLinks, isNewMember, linkProblem, NEW_MEMBER_MAX_LINKS } from './new-member-limits.js';

const DAY = 24 * 3600 * 1000;
const now = new Date('2026-03-10T12:00:00Z');

describe('who is a new member', () => {
  it.each([
    [0, 0, true],
    [2.9, 2, true],
    [3, 0, false],
    [10, 0, false],
    [1, 3, false],
    [1, 7, false],
  ])('an account %d days old with %d visible posts: new = %s', (days, visiblePosts, expected) => {
    expect(isNewMember({ createdAt: new Date(now.getTime() - days * DAY), visiblePosts }, now)).toBe(expected);
  });
});

describe('counting links to other sites', () => {
  it.each([
    ['plain text, no links', 0],
    ['[the council](https://council.example/policy)', 1],
    ['![a chart](https://img.example/chart.png)', 1],
    ['<https://council.example>', 1],
    ['see https://council.example and http://other.example/x?y=1', 2],
    ['www.council.example is where it lives', 1],
    ['[ref]: https://council.example/ref\n\nand [ref]', 1],
    ['[mail us](mailto:clerk@parish.example)', 1],
    ['[protocol-relative](//cdn.example/x)', 1],
    ['[with a title](https://council.example "The council")', 1],
    ['[spaced]( <https://council.example> )', 1],
  ])('%j holds %d', (markdown, expected) => {
    expect(countLinks(markdown)).toBe(expected);
  });

  it('never counts links within the site or policy citations', () => {
    expect(countLinks('[an earlier question](/q/123) and [section 1](#s1)')).toBe(0);
    expect(countLinks('[§1](policy:social-media-policy@2.0#personal-and-professional-responsibilities) and policy:code-of-conduct@1.0#interests')).toBe(0);
    expect(countLinks('<policy:code-of-conduct@1.0#interests>')).toBe(0);
  });

  it('counts an address once however it is written or repeated', () => {
    expect(countLinks('[https://council.example](https://council.example/) https://COUNCIL.example www.council.example')).toBe(1);
    expect(countLinks('[a](https://a.example) [b](https://b.example) [a again](https://a.example)')).toBe(2);
    // A link whose text names another address links to both.
    expect(countLinks('[https://bank.example](https://phish.example)')).toBe(2);
  });
});

describe('the link limit', () => {
  it('lets a new member post up to the limit, and says plainly why more are refused', () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `[source ${i}](https://site${i}.example)`).join(' ');
    expect(linkProblem(links(NEW_MEMBER_MAX_LINKS))).toBeNull();
    expect(linkProblem(links(NEW_MEMBER_MAX_LINKS + 2))).toBe(
      'New members can include at most 2 links to other sites in a post; this one has 4. Remove some, or post them once your account is 3 days old or has 3 posts.',
    );
  });
});

/**
 * Post bodies are up to 30,000 characters: counting must stay linear on adversarial input
 * (measured well above that size, where the processor's caches no longer flatter the smaller input).
 * Compared as a growth ratio between two sizes measured alternately in the same run (no
 * absolute times): linear work grows about 10× for ten times the input, a backtracking
 * pattern about 100×.
 */
describe('counting stays linear', () => {
  // Processor time of this process, not the wall clock: other processes running meanwhile
  // (the e2e suites, on a small machine) do not count against it.
  const perCall = (input: string, repetitions: number) => {
    const started = process.cpuUsage();
    for (let i = 0; i < repetitions; i += 1) countLinks(input);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000 / repetitions;
  };
  /** Enough repetitions for one sample to take a few milliseconds, so timer resolution does not decide. */
  const repetitionsFor = (input: string) => {
    let repetitions = 1;
    while (perCall(input, repetitions) * repetitions < 10 && repetitions < 1 << 16) repetitions *= 2;
    return repetitions;
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

  it.each(['](', '<a:', '<a', 'http://', 'www.', '[', '](<', ' \t', 'https://x.example/', '](https://x'])('%j repeated to 100,000 and 1,000,000 characters', (piece) => {
    const sized = (length: number) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
    const small = sized(100_000);
    const large = sized(1_000_000);
    // Warm up first: V8 compiles a regular expression to machine code only after it has run a while.
    for (let i = 0; i < 50; i += 1) countLinks(small);
    const [smallRepetitions, largeRepetitions] = [repetitionsFor(small), repetitionsFor(large)];
    const growth = () => {
      const smallTimes: number[] = [];
      const largeTimes: number[] = [];
      for (let round = 0; round < 9; round += 1) {
        smallTimes.push(perCall(small, smallRepetitions));
        largeTimes.push(perCall(large, largeRepetitions));
      }
      return median(largeTimes) / Math.max(median(smallTimes), 1e-6);
    };
    // Linear is about 10×, quadratic about 100×. Garbage collection of the large input can
    // slow one measurement down, never speed one up: a linear count passes one of three
    // tries, a quadratic none.
    let best = growth();
    for (let retry = 0; retry < 2 && best >= 30; retry += 1) best = Math.min(best, growth());
    expect(best).toBeLessThan(30);
  });
});
