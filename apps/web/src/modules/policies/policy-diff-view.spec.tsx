import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { DEMO_ANCHORS } from '@policy-commons/policies';
import { loadPolicyCorpus, type PolicyCorpus } from '@policy-commons/policies/node';
import { ChangedSection } from './policy-diff-view';

describe('ChangedSection, on the demo social media policy 2.0 → 3.0', () => {
  let corpus: PolicyCorpus;
  beforeAll(async () => {
    corpus = await loadPolicyCorpus();
  });

  function renderSection(anchor: string) {
    const versions = corpus.documents.find((document) => document.slug === 'social-media-policy')?.versions ?? [];
    const body = (version: string) => versions.find((candidate) => candidate.version === version)?.sections.find((section) => section.anchor === anchor);
    const [from, to] = [body('2.0'), body('3.0')];
    if (!from || !to) throw new Error(`no ${anchor}`);
    const section = {
      __typename: 'SectionChange' as const,
      anchor,
      title: to.title,
      change: 'CHANGED' as const,
      moved: false,
      fromTitle: from.title,
      fromBody: from.body,
      toBody: to.body,
      fromParentAnchor: from.parentAnchor,
      toParentAnchor: to.parentAnchor,
      words: [],
      titleWords: [],
    };
    return render(
      <MemoryRouter>
        <ChangedSection slug="social-media-policy" fromVersion="2.0" toVersion="3.0" section={section} titles={new Map()} />
      </MemoryRouter>,
    ).container;
  }

  it('shows the rewritten paragraphs of personal responsibilities whole, side by side, with Markdown rendered', () => {
    const container = renderSection(DEMO_ANCHORS.personalAndProfessionalResponsibilities);
    const removed = container.querySelectorAll('[data-testid="diff-removed-block"]');
    const added = container.querySelectorAll('[data-testid="diff-added-block"]');
    expect([removed.length, added.length]).toEqual([3, 3]);
    // Whole paragraphs, not word confetti: no word-level highlight anywhere in this section.
    expect(container.querySelectorAll('ins:not(.diff-block), del:not(.diff-block)')).toHaveLength(0);
    expect(added[2]?.textContent).toContain('The council deals with dual roles through the\nEmployee Code of Business Conduct.');
    expect(container.textContent).not.toMatch(/\]\(|policy:/);
    expect(added[0]?.querySelector('p')).not.toBeNull();
    expect(container.querySelectorAll('[data-testid="diff-same-block"]')).toHaveLength(1);
  });

  it('highlights words in the introduction, whose opening sentence was kept', () => {
    const container = renderSection('introduction');
    const from = container.querySelector('[data-testid="diff-changed-from"]');
    const to = container.querySelector('[data-testid="diff-changed-to"]');
    expect(Array.from(from?.querySelectorAll('del') ?? []).map((element) => element.textContent)[0]).toBe('second');
    expect(Array.from(to?.querySelectorAll('ins') ?? []).map((element) => element.textContent)[0]).toBe('third');
    expect(to?.querySelector('.markdown')?.textContent).toMatch(/^This is the third edition of the council's social media policy\. The first edition,\npublished in January 2010, concentrated on individual tools; the second, in February\n2011, refocused/);
  });
});
