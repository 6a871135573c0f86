import { citationsStaleInDraft, previewDraft, upcomingVersion } from './draft-preview';

const LATEST = `## Introduction

Why we have this policy.

## Scope

Everyone.

## Contacts

The comms team.
`;

describe('previewDraft', () => {
  it('compares the draft with the latest version, section by section', () => {
    const preview = previewDraft(
      `## Introduction

Why we have this policy, and what changed.

## Scope

Everyone.

## Mobile devices

Phones too.
`,
      LATEST,
    );
    expect(preview.errors).toEqual([]);
    expect(preview.sections.map((section) => [section.anchor, section.change])).toEqual([
      ['introduction', 'CHANGED'],
      ['scope', 'UNCHANGED'],
      ['mobile-devices', 'ADDED'],
    ]);
    expect(preview.removed).toEqual([{ anchor: 'contacts', title: 'Contacts' }]);
  });

  it('treats every section of a first version as added', () => {
    const preview = previewDraft('## Purpose\n\nText.\n\n### Who\n\nStaff.', null);
    expect(preview.sections).toEqual([
      { anchor: 'purpose', title: 'Purpose', level: 2, change: 'ADDED' },
      { anchor: 'who', title: 'Who', level: 3, change: 'ADDED' },
    ]);
  });

  it('reports format errors with their lines', () => {
    const preview = previewDraft('Text before any section.\n\n## Scope\n\nEveryone.', null);
    expect(preview.errors.length).toBeGreaterThan(0);
    expect(preview.errors[0].line).toBe(1);
  });
});

describe('upcomingVersion', () => {
  it('bumps the latest version, or starts at 1.0', () => {
    expect(upcomingVersion('2.0', 'MAJOR')).toBe('3.0');
    expect(upcomingVersion('2.9', 'MINOR')).toBe('2.10');
    expect(upcomingVersion(null, 'MINOR')).toBe('1.0');
  });
});

describe('citationsStaleInDraft', () => {
  it('lists citations that still match the latest version and whose section the draft changes or removes', () => {
    const preview = previewDraft('## Introduction\n\nWhy we have this policy, reworded.\n\n## Scope\n\nEveryone.', LATEST);
    const citations = [
      { id: 'a', status: 'CURRENT', section: { anchor: 'introduction' } },
      { id: 'b', status: 'UNCHANGED', section: { anchor: 'contacts' } },
      { id: 'c', status: 'CURRENT', section: { anchor: 'scope' } },
      { id: 'd', status: 'CHANGED', section: { anchor: 'introduction' } },
    ];
    expect(citationsStaleInDraft(citations, preview).map(({ change, citation }) => [citation.id, change])).toEqual([
      ['a', 'CHANGED'],
      ['b', 'REMOVED'],
    ]);
  });
});
