import fc from 'fast-check';
import { expectLinearGrowth as expectLinear, repeated } from './__fixtures__/linear-time.js';
import { slugifyHeading } from './anchor.js';
import { scanCitationReferences } from './citation-reference.js';
import { parsePolicyVersion } from './policy-version.js';
import { parsePolicyBody } from './sections.js';

/*
 * Every post body and every policy draft goes through these parsers on save (and post
 * bodies again in each reader's browser), so a pattern that backtracks quadratically is a
 * denial of service. The sizes are the api's field limits: a question or answer body is at
 * most 30,000 characters (questions/dto, answers/dto), a policy draft at most 200,000
 * (policies/dto/policy.input.ts). Each property builds an input out of long runs of the
 * characters the patterns repeat, at a tenth of the limit and at the limit, and checks the
 * time grows about linearly (see __fixtures__/linear-time.ts: no absolute times).
 */
const POST_BODY_LIMIT = 30_000;
const DRAFT_LIMIT = 200_000;

// Enough runs to cover the interesting combinations; each one measures two sizes several times.
const RUNS = { numRuns: 10 };
jest.setTimeout(120_000);

const postPrefix = fc.constantFrom(
  '',
  'policy:',
  'policy:a',
  'policy:a@',
  'policy:a@1.0#',
  'See policy:social-media-policy@2.0#',
  '`',
  '``',
  '```\n',
  '[',
  '<',
);
const postPiece = fc.constantFrom(
  '.',
  ':',
  '-',
  ' ',
  '\t',
  '#',
  '@',
  '_',
  'a',
  'é',
  '1',
  'policy:',
  'policy:a@1.0#b ',
  '`',
  '``',
  '```',
  '~~~',
  '[',
  ']',
  '(',
  ')',
  '\n',
  '\r\n',
);
const postSuffix = fc.constantFrom('', 'a', '!', ' ', '`', '\n', '.', ')', '/');

const draftPrefix = fc.constantFrom('', '## ', '## a', '## a ', '# Title\n\n## a\n\n', '```\n', '   ## ', '## a {#', 'Text\n');
const draftPiece = fc.constantFrom(
  ' ',
  '\t',
  '#',
  '##',
  '{#',
  '}',
  '{',
  '[',
  ']',
  '(',
  ')',
  '![',
  '_',
  '`',
  '*',
  '~',
  '-',
  '=',
  'a',
  'é',
  '\n',
  '\n## a',
  '\n## ',
  '\n```',
  '\n---',
  '\n\n',
  'policy:',
);
const draftSuffix = fc.constantFrom('', 'x', '}', '#', ' x', ')', '\n\nText.', '\n---\n');

const unit = (piece: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join(''));

describe('post bodies: citation references are found in linear time', () => {
  it('scanCitationReferences on adversarial bodies up to 30,000 characters', () => {
    fc.assert(
      fc.property(postPrefix, unit(postPiece), postSuffix, (prefix, piece, suffix) => {
        expectLinear(
          scanCitationReferences,
          repeated(prefix, piece, suffix, POST_BODY_LIMIT / 10),
          repeated(prefix, piece, suffix, POST_BODY_LIMIT),
        );
      }),
      RUNS,
    );
  });
});

describe('policy drafts: sections are parsed in linear time', () => {
  it('parsePolicyBody on adversarial drafts up to 200,000 characters', () => {
    fc.assert(
      fc.property(draftPrefix, unit(draftPiece), draftSuffix, (prefix, piece, suffix) => {
        expectLinear(parsePolicyBody, repeated(prefix, piece, suffix, DRAFT_LIMIT / 10), repeated(prefix, piece, suffix, DRAFT_LIMIT));
      }),
      RUNS,
    );
  });

  it('slugifyHeading on adversarial text up to 200,000 characters', () => {
    fc.assert(
      fc.property(draftPrefix, unit(draftPiece), draftSuffix, (prefix, piece, suffix) => {
        expectLinear(slugifyHeading, repeated(prefix, piece, suffix, DRAFT_LIMIT / 10), repeated(prefix, piece, suffix, DRAFT_LIMIT));
      }),
      RUNS,
    );
  });

  it('parsePolicyVersion on a version file with an adversarial body', () => {
    const frontMatter = [
      '---',
      'slug: social-media-policy',
      'title: Social Media Policy',
      'organisation: county-council',
      'version: 2.0',
      'publishedOn: 2011-02-21',
      'summaryOfChanges: Refocused.',
      'contributors: []',
      'licence: Adapt it freely.',
      '---',
      '',
    ].join('\n');
    fc.assert(
      fc.property(draftPrefix, unit(draftPiece), draftSuffix, (prefix, piece, suffix) => {
        expectLinear(
          parsePolicyVersion,
          frontMatter + repeated(prefix, piece, suffix, DRAFT_LIMIT / 10),
          frontMatter + repeated(prefix, piece, suffix, DRAFT_LIMIT),
        );
      }),
      // The body goes through parsePolicyBody's own property above; this checks the file around it.
      { numRuns: 4 },
    );
  });
});

describe('the two measured cases (issue #10)', () => {
  // Before the fix: ~2 s for this reference on every save, and 26-54 s for this heading.
  const dottedReference = (dots: number): string => `See policy:${'.'.repeat(dots)}a here.`;
  const longHeading = (spaces: number): string => `## a${' '.repeat(spaces)}b\n\nText.\n`;

  it('a "policy:" followed by 29,000 dots is refused as too long, in linear time', () => {
    const { references, problems } = scanCitationReferences(dottedReference(29_000));
    expect(references).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.error).toMatch(/is longer than \d+ characters/);
    expect(problems[0]?.error.length).toBeLessThan(300);
    expectLinear(scanCitationReferences, dottedReference(2_900), dottedReference(29_000));
  });

  it('an 80 KB heading line is a format error with its line number, in linear time', () => {
    const result = parsePolicyBody(`## Intro\n\nText.\n\n${longHeading(80_000)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        { rule: 'heading-too-long', file: null, line: 5, message: expect.stringMatching(/at most 300 characters/) },
      ]);
      expect(result.errors[0]?.message.length).toBeLessThan(300);
    }
    expectLinear(parsePolicyBody, longHeading(8_000), longHeading(80_000));
  });

  it('so is an 80 KB line of trailing spaces in a section body', () => {
    const body = (spaces: number): string => `## a\n\nx${' '.repeat(spaces)}y\n`;
    expect(parsePolicyBody(body(80_000)).ok).toBe(true);
    expectLinear(parsePolicyBody, body(8_000), body(80_000));
  });
});
