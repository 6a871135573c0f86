import fc from 'fast-check';
import { expectLinearGrowth } from './__fixtures__/linear-time.js';
import { diffPolicyVersions, type DiffableVersion } from './diff.js';
import { parseSections } from './sections.js';
import { tokeniseText } from './text-diff.js';

// Counts the comparisons jsdiff's Myers makes (the one step whose cost is not linear by
// construction: O(N·D)), passing every call through to the real diffArrays unchanged.
const mockMyers = { comparisons: 0 };
jest.mock('diff', () => {
  const actual = jest.requireActual<typeof import('diff')>('diff');
  return {
    ...actual,
    diffArrays: (left: string[], right: string[], options: Parameters<typeof actual.diffArrays>[2]) =>
      actual.diffArrays(left, right, {
        ...options,
        comparator: (a: string, b: string) => {
          mockMyers.comparisons += 1;
          return a === b;
        },
      }),
  };
});

/*
 * The version diff runs in the api for every diff page and in the author's browser for
 * every draft preview, so it must not be quadratic: a 5,000-word rewrite once took 48 s
 * (a Myers word diff is O(N·D), and a rewrite makes D as large as N), and the anchor
 * LCS was O(n²) in sections.
 *
 * Myers is the one step whose cost is not bounded by construction, so these tests count
 * its comparisons instead of timing the diff (timings, even CPU-time ratios at two sizes,
 * failed on a busy CI machine and compared different regimes of the paragraph pairing).
 * Each paragraph is weighed against at most 9 candidates (the pairing window), each
 * weighing is a Myers capped at 64 edits, so the comparisons per token of the two
 * versions have a fixed ceiling; the texts built here take at most ~36. Without the cap
 * and the slicing (sequence-alignment.ts), a rewritten 500-word section already takes
 * over 400 per token, and the figure grows with the section.
 *
 * Words are drawn from a vocabulary of a fixed size (repetitive text, where no word is
 * unique) or of a size proportional to the text (prose, where many words are).
 */
const COMPARISONS_PER_TOKEN = 200;
const FIVE_THOUSAND_WORDS = 5_000;
/** The 'insertions' edit adds a tenth of this many words in the middle of every this many. */
const INSERTION_EVERY = 500;
// The api's limit for a policy draft (policies/dto/policy.input.ts), the largest version there can be.
const DRAFT_LIMIT = 200_000;

jest.setTimeout(300_000);

/** Mulberry32: a small deterministic generator, so that a failure replays from fast-check's seed. */
function wordsFrom(seed: number, count: number, vocabulary: number): string[] {
  let state = seed >>> 0;
  const words: string[] = [];
  for (let k = 0; k < count; k += 1) {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    const random = ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
    words.push(`w${Math.floor(random * vocabulary).toString(36)}`);
  }
  return words;
}

type Edit = 'rewrite' | 'every-seventh-word' | 'every-fortieth-word' | 'reverse-paragraphs' | 'insertions' | 'none';

interface Shape {
  seed: number;
  /** Words per paragraph; 0 for the whole text as one paragraph. */
  paragraphWords: number;
  listItems: boolean;
  /** A fixed vocabulary, or this many words per word of text. */
  vocabulary: { fixed: number } | { perWord: number };
  edit: Edit;
}

const shapes = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  paragraphWords: fc.constantFrom(0, 1, 12, 80),
  listItems: fc.boolean(),
  vocabulary: fc.oneof(fc.constantFrom(2, 20).map((fixed) => ({ fixed })), fc.constantFrom(0.25, 2).map((perWord) => ({ perWord }))),
  edit: fc.constantFrom<Edit>('rewrite', 'every-seventh-word', 'every-fortieth-word', 'reverse-paragraphs', 'insertions', 'none'),
});

function vocabularyFor(shape: Shape, wordCount: number): number {
  return 'fixed' in shape.vocabulary ? shape.vocabulary.fixed : Math.max(2, Math.round(wordCount * shape.vocabulary.perWord));
}

function paragraphsOf(words: readonly string[], shape: Shape): string[] {
  const size = shape.paragraphWords === 0 ? words.length : shape.paragraphWords;
  const paragraphs: string[] = [];
  for (let start = 0; start < words.length; start += size) {
    const text = `${words.slice(start, start + size).join(' ')}.`;
    paragraphs.push(shape.listItems ? `- ${text}` : text);
  }
  return paragraphs;
}

function edited(words: readonly string[], shape: Shape, wordCount: number): string[] {
  const vocabulary = vocabularyFor(shape, wordCount);
  switch (shape.edit) {
    case 'rewrite':
      return wordsFrom(shape.seed + 1, wordCount, vocabulary);
    case 'every-seventh-word':
      return words.map((word, index) => (index % 7 === 3 ? `${word}x` : word));
    case 'every-fortieth-word':
      return words.map((word, index) => (index % 40 === 3 ? `${word}x` : word));
    case 'insertions': {
      // 50 new words in every 500, so ten times the text has ten times the insertions of
      // the same size. One insertion of a tenth of the text would not be the same kind of
      // edit at both sizes: 50 words shift the paragraphs after them by a few, and each
      // still pairs with its old self close by; 500 words shift them further than the
      // pairing window looks, and every pairing tries the whole window in vain. That is
      // a constant factor (at most the window), but it read as 33× for 10× the input.
      const out: string[] = [];
      for (let start = 0; start < words.length; start += INSERTION_EVERY) {
        out.push(...words.slice(start, start + INSERTION_EVERY / 2));
        out.push(...wordsFrom(shape.seed + 2 + start, INSERTION_EVERY / 10, vocabulary));
        out.push(...words.slice(start + INSERTION_EVERY / 2, start + INSERTION_EVERY));
      }
      return out;
    }
    case 'reverse-paragraphs':
    case 'none':
      return [...words];
  }
}

/** One section of `wordCount` words, and its edited version. */
function sectionPair(shape: Shape, wordCount: number): [DiffableVersion, DiffableVersion] {
  const words = wordsFrom(shape.seed, wordCount, vocabularyFor(shape, wordCount));
  const before = paragraphsOf(words, shape);
  let after = paragraphsOf(edited(words, shape, wordCount), shape);
  if (shape.edit === 'reverse-paragraphs') after = after.reverse();
  const version = (paragraphs: string[]): DiffableVersion => ({
    sections: [{ anchor: 'scope', title: 'Scope', body: paragraphs.join('\n\n'), level: 2, parentAnchor: null }],
  });
  return [version(before), version(after)];
}

/** A whole version of about `characters` characters: many sections, each a few paragraphs. */
function draftPair(shape: Shape, characters: number, sectionWords: number): [DiffableVersion, DiffableVersion] {
  const sectionCount = Math.max(1, Math.floor(characters / ((sectionWords + 2) * 6)));
  const sections = (edit: boolean): string[] =>
    Array.from({ length: sectionCount }, (_, index) => {
      const sectionShape = { ...shape, seed: shape.seed + index * 7919, paragraphWords: shape.paragraphWords || sectionWords };
      const [before, after] = sectionPair(sectionShape, sectionWords);
      const body = (edit ? after : before).sections[0]?.body ?? '';
      return `## Section ${index}\n\n${body}\n`;
    });
  const before = parseSections(sections(false).join('\n'));
  let after = parseSections(sections(true).join('\n'));
  if (shape.edit === 'reverse-paragraphs') after = after.reverse();
  return [{ sections: before }, { sections: after }];
}

const diffPair = ([from, to]: [DiffableVersion, DiffableVersion]): unknown => diffPolicyVersions(from, to);

function tokensOf(version: DiffableVersion): number {
  return version.sections.reduce((sum, section) => sum + tokeniseText(section.body).length, 0);
}

/** Myers comparisons per token of the two versions, for one diff. */
function comparisonsPerToken(pair: [DiffableVersion, DiffableVersion]): number {
  mockMyers.comparisons = 0;
  diffPolicyVersions(pair[0], pair[1]);
  return mockMyers.comparisons / Math.max(1, tokensOf(pair[0]) + tokensOf(pair[1]));
}

describe('the version diff does a bounded amount of work per word', () => {
  it('a section of up to 5,000 words, rewritten or edited, in any shape', () => {
    fc.assert(
      fc.property(shapes, (shape) => {
        expect(comparisonsPerToken(sectionPair(shape, FIVE_THOUSAND_WORDS / 10))).toBeLessThanOrEqual(COMPARISONS_PER_TOKEN);
        expect(comparisonsPerToken(sectionPair(shape, FIVE_THOUSAND_WORDS))).toBeLessThanOrEqual(COMPARISONS_PER_TOKEN);
      }),
      // The shape whose CPU-time ratio once failed in CI (33×), then with one insertion of a tenth of the text.
      { numRuns: 40, examples: [[{ seed: 1, paragraphWords: 12, listItems: false, vocabulary: { fixed: 20 }, edit: 'insertions' }]] },
    );
  });

  it('a version as large as the largest draft, section by section', () => {
    fc.assert(
      fc.property(shapes, fc.constantFrom(30, 300), (shape, sectionWords) => {
        expect(comparisonsPerToken(draftPair(shape, DRAFT_LIMIT, sectionWords))).toBeLessThanOrEqual(COMPARISONS_PER_TOKEN);
      }),
      { numRuns: 16 },
    );
  });

  // No Myers here: the sections are matched by anchor (a Fenwick-tree LCS), so this one is
  // timed, as a CPU-time ratio at two sizes (see __fixtures__/linear-time.ts).
  it('tens of thousands of sections, every one renamed, or in reverse order', () => {
    const headings = (count: number, prefix: string): DiffableVersion => ({
      sections: parseSections(Array.from({ length: count }, (_, index) => `## ${prefix} ${index}\n`).join('')),
    });
    const reversed = (version: DiffableVersion): DiffableVersion => ({ sections: [...version.sections].reverse() });
    // "## Old 12345\n" is about 13 characters, so these are about as long as the largest draft.
    const count = Math.floor(DRAFT_LIMIT / 13);
    expectLinearGrowth(diffPair, [headings(count / 10, 'Old'), headings(count / 10, 'New')], [headings(count, 'Old'), headings(count, 'New')]);
    expectLinearGrowth(diffPair, [headings(count / 10, 'Old'), reversed(headings(count / 10, 'Old'))], [headings(count, 'Old'), reversed(headings(count, 'Old'))]);
  });
});
