import fc from 'fast-check';
import { diffPolicyVersions } from './diff.js';
import { loadPolicyCorpus, type PolicyCorpus } from './node/corpus-loader.js';
import { DEMO_ANCHORS } from './demo-corpus.js';
import { diffBodies, diffWordsOf, newSideOf, oldSideOf, splitBlocks, tokeniseText, wordsOfBlocks, type BlockDiff, type WordDiff } from './text-diff.js';

/** `[-old-]{+new+}` notation, for readable expectations. */
function marked(runs: readonly WordDiff[]): string {
  return runs.map((run) => (run.kind === 'same' ? run.text : run.kind === 'removed' ? `[-${run.text}-]` : `{+${run.text}+}`)).join('');
}

function kinds(blocks: readonly BlockDiff[]): string[] {
  return blocks.map((block) => block.kind);
}

describe('tokeniseText', () => {
  it('keeps every character, so the tokens put together are the text', () => {
    const text = 'Declare it:  a **business** interest, e.g. "school governor" —\nsee [the code](policy:code-of-business-conduct@1.0#business-and-pecuniary-interests).';
    expect(
      tokeniseText(text)
        .map((token) => token.text)
        .join(''),
    ).toBe(text);
  });

  it('makes words, whitespace runs and single punctuation marks separate tokens', () => {
    expect(tokeniseText("staff's laptop.  Don't").map((token) => token.text)).toEqual(["staff's", ' ', 'laptop', '.', '  ', "Don't"]);
  });

  it('keeps a link target, a citation reference, an entity, an escape and a marker run whole', () => {
    const texts = tokeniseText('[code](policy:a@1.0#b) policy:c@2.0#d &amp; \\* **x** ~~y~~').map((token) => token.text);
    expect(texts).toEqual(['[', 'code', '](policy:a@1.0#b)', ' ', 'policy:c@2.0#d', ' ', '&amp;', ' ', '\\*', ' ', '**', 'x', '**', ' ', '~~', 'y', '~~']);
  });

  it('compares whitespace as a single space and text in composed form', () => {
    const [spaced, wrapped] = [tokeniseText('a  b'), tokeniseText('a\nb')];
    expect(spaced.map((token) => token.key)).toEqual(wrapped.map((token) => token.key));
    expect(tokeniseText('Cafe\u0301')[0]?.key).toBe(tokeniseText('Café')[0]?.key);
  });
});

describe('splitBlocks', () => {
  it('splits paragraphs at blank lines and keeps the blank lines with the block before', () => {
    const body = '\nFirst paragraph,\nwrapped.\n\nSecond.\n';
    const blocks = splitBlocks(body);
    expect(blocks.map((block) => [block.kind, block.text])).toEqual([
      ['paragraph', '\nFirst paragraph,\nwrapped.\n\n'],
      ['paragraph', 'Second.\n'],
    ]);
    expect(blocks[0]?.key).toBe('First paragraph, wrapped.');
  });

  it('makes each list item a block, with its continuation lines and indented paragraphs', () => {
    const body = 'Intro:\n- one\n  continued\n- two\n\n  still two\n\n1. three\nAfter.';
    expect(splitBlocks(body).map((block) => [block.kind, block.text])).toEqual([
      ['paragraph', 'Intro:\n'],
      ['list-item', '- one\n  continued\n'],
      ['list-item', '- two\n\n  still two\n\n'],
      ['list-item', '1. three\nAfter.'],
    ]);
  });

  it('keeps a fenced code block whole, blank lines and list markers included', () => {
    const body = 'Before.\n\n```\n- not an item\n\nstill code\n```\nAfter.';
    expect(splitBlocks(body).map((block) => block.kind)).toEqual(['paragraph', 'code', 'paragraph']);
    expect(splitBlocks(body)[1]?.text).toBe('```\n- not an item\n\nstill code\n```\n');
  });
});

describe('diffWordsOf', () => {
  it('keeps spacing and punctuation exactly as written', () => {
    expect(marked(diffWordsOf('Lock your laptop.', 'Lock your council laptop.'))).toBe('Lock your {+council +}laptop.');
    expect(marked(diffWordsOf('business and pecuniary interests', 'business and personal interests'))).toBe(
      'business and [-pecuniary-]{+personal+} interests',
    );
  });

  it('joins a rewritten phrase into one change instead of alternating words', () => {
    expect(marked(diffWordsOf('You must ask your line manager first.', 'You must tell HR in writing first.'))).toBe(
      'You must [-ask your line manager-]{+tell HR in writing+} first.',
    );
  });
});

describe('diffBodies', () => {
  it('matches unchanged paragraphs, diffs a similar one word by word, and shows a rewritten one whole', () => {
    const from = 'Kept as it was.\n\nStaff must declare outside roles to their manager.\n\nAn old paragraph about blogs and forums.';
    const to =
      'Kept as it was.\n\nStaff must declare all outside roles to their line manager.\n\nA new paragraph: the dual role is the point, not the medium.';
    const blocks = diffBodies(from, to);
    expect(kinds(blocks)).toEqual(['same', 'changed', 'removed', 'added']);
    const changed = blocks[1];
    expect(changed?.kind === 'changed' && marked(changed.words)).toBe(
      'Staff must declare {+all +}outside roles to their {+line +}manager.\n\n',
    );
  });

  it('pairs a similar paragraph across an inserted one', () => {
    const from = 'Use Twitter with care.';
    const to = 'A brand new opening paragraph.\n\nUse Twitter and Facebook with care.';
    expect(kinds(diffBodies(from, to))).toEqual(['added', 'changed']);
  });

  it('compares list items one by one', () => {
    const blocks = diffBodies('- Communications\n- ICT Services\n- Human Resources', '- Communications\n- ICT and Digital Services\n- Human Resources\n- Legal');
    expect(kinds(blocks)).toEqual(['same', 'changed', 'same', 'added']);
  });

  it('treats re-wrapped lines as the same paragraph, keeping each side as written', () => {
    const blocks = diffBodies('One two\nthree.', 'One two three.');
    expect(blocks).toEqual([{ kind: 'same', from: 'One two\nthree.', to: 'One two three.' }]);
    expect(wordsOfBlocks(blocks)).toEqual([{ kind: 'same', text: 'One two three.', fromText: 'One two\nthree.' }]);
  });
});

describe('the demo corpus, social media policy 2.0 → 3.0', () => {
  let corpus: PolicyCorpus;
  beforeAll(async () => {
    corpus = await loadPolicyCorpus();
  });
  const section = (version: string, anchor: string): string => {
    const found = corpus.documents
      .find((document) => document.slug === 'social-media-policy')
      ?.versions.find((candidate) => candidate.version === version)
      ?.sections.find((candidate) => candidate.anchor === anchor);
    if (!found) throw new Error(`no ${anchor} in ${version}`);
    return found.body;
  };

  it('shows the rewritten personal responsibilities whole, and the unchanged last paragraph as unchanged', () => {
    const anchor = DEMO_ANCHORS.personalAndProfessionalResponsibilities;
    const blocks = diffBodies(section('2.0', anchor), section('3.0', anchor));
    expect(kinds(blocks)).toEqual(['removed', 'added', 'removed', 'added', 'removed', 'added', 'same']);
    const added = blocks.filter((block): block is Extract<BlockDiff, { kind: 'added' }> => block.kind === 'added').map((block) => block.to);
    // The link is one piece of Markdown in one paragraph, not split across highlights.
    expect(added[2]).toContain(
      '[Employee Code of Business Conduct](policy:code-of-business-conduct@1.0#business-and-pecuniary-interests).',
    );
    expect(added.join('')).toBe(section('3.0', anchor).slice(0, added.join('').length));
  });

  it('highlights words in the introduction, whose opening sentence was kept', () => {
    const blocks = diffBodies(section('2.0', 'introduction'), section('3.0', 'introduction'));
    expect(kinds(blocks)).toEqual(['changed', 'same']);
    const changed = blocks[0];
    if (changed?.kind !== 'changed') throw new Error('expected a changed paragraph');
    expect(marked(changed.words)).toMatch(/^This is the \[-second-\]\{\+third\+\} edition of the council's social media policy\. The first edition,\npublished in January 2010, concentrated on individual tools\[-\. Since then/);
    expect(newSideOf(changed.words)).toBe(changed.to);
    expect(oldSideOf(changed.words)).toBe(changed.from);
  });

  it('adds a numbered policy statement and a contact as list items of their own', () => {
    const statements = diffBodies(section('2.0', 'policy-statements'), section('3.0', 'policy-statements'));
    expect(kinds(statements)).toEqual(['same', 'same', 'same', 'same', 'same', 'added']);
    expect(statements[5]).toMatchObject({ kind: 'added', to: expect.stringMatching(/^6\. Official accounts may only be used/) });
    expect(kinds(diffBodies(section('2.0', 'useful-contacts'), section('3.0', 'useful-contacts')))).toEqual(['same', 'same', 'same', 'same', 'same', 'added']);
  });

  it('gives every changed section runs that rebuild both versions exactly', () => {
    const versions = corpus.documents.find((document) => document.slug === 'social-media-policy')?.versions ?? [];
    for (let index = 1; index < versions.length; index += 1) {
      const before = versions[index - 1];
      const after = versions[index];
      if (!before || !after) continue;
      for (const change of diffPolicyVersions(before, after).filter((candidate) => candidate.change === 'CHANGED')) {
        const fromBody = before.sections.find((candidate) => candidate.anchor === change.anchor)?.body;
        const toBody = after.sections.find((candidate) => candidate.anchor === change.anchor)?.body;
        expect(newSideOf(change.words ?? [])).toBe(toBody);
        expect(oldSideOf(change.words ?? [])).toBe(fromBody);
      }
    }
  });
});

/** Markdown-ish text: words, spacing, punctuation, list items, links, emphasis, code fences. */
const piece = fc.constantFrom(
  'council',
  'staff',
  'role',
  'parish',
  "staff's",
  'Café',
  'Cafe\u0301',
  '2012',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\n\n\n',
  '\t',
  '.',
  ',',
  ':',
  '(',
  ')',
  '—',
  '"',
  '- ',
  '\n- ',
  '\n1. ',
  '\n  ',
  '**',
  '_',
  '`',
  '\\*',
  '&amp;',
  '[the code](policy:code-of-business-conduct@1.0#business-and-pecuniary-interests)',
  'policy:social-media-policy@2.0#scope',
  '](',
  '\n```\n',
  '\n~~~\n',
  '> ',
);
const markdownText = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));
/** A text and an edit of it: pieces inserted, deleted or replaced here and there. */
const textAndEdit = fc
  .tuple(fc.array(piece, { maxLength: 60 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.array(piece, { maxLength: 4 })), { maxLength: 6 }))
  .map(([pieces, edits]) => {
    const edited = [...pieces];
    for (const [at, remove, insert] of edits) edited.splice(at % (edited.length + 1), remove, ...insert);
    return [pieces.join(''), edited.join('')] as const;
  });

describe('properties', () => {
  it('diffing a text with itself shows no change', () => {
    fc.assert(
      fc.property(markdownText, (text) => {
        expect(diffBodies(text, text).every((block) => block.kind === 'same' && block.from === block.to)).toBe(true);
        expect(diffWordsOf(text, text).every((run) => run.kind === 'same')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("applying the diff's new side reproduces the new text exactly, and its old side the old text", () => {
    fc.assert(
      fc.property(fc.oneof(textAndEdit, fc.tuple(markdownText, markdownText)), ([from, to]) => {
        const blocks = diffBodies(from, to);
        expect(newSideOf(wordsOfBlocks(blocks))).toBe(to);
        expect(oldSideOf(wordsOfBlocks(blocks))).toBe(from);
        for (const block of blocks) {
          if (block.kind !== 'changed') continue;
          expect(newSideOf(block.words)).toBe(block.to);
          expect(oldSideOf(block.words)).toBe(block.from);
        }
        expect(newSideOf(diffWordsOf(from, to))).toBe(to);
        expect(oldSideOf(diffWordsOf(from, to))).toBe(from);
      }),
      { numRuns: 500 },
    );
  });

  it('never puts two runs of the same kind next to each other, nor an empty run', () => {
    fc.assert(
      fc.property(textAndEdit, ([from, to]) => {
        const runs = wordsOfBlocks(diffBodies(from, to));
        runs.forEach((run, index) => {
          expect(run.text.length + (run.fromText?.length ?? 0)).toBeGreaterThan(0);
          expect(runs[index + 1]?.kind).not.toBe(run.kind);
        });
      }),
      { numRuns: 300 },
    );
  });
});
