import type { DigestQueries } from './digest-content.js';
import { policyVersionsSection } from './policy-digest-sections.js';

/** The section's build step on rows as PostgreSQL returns them (its SQL runs in digests.e2e-spec.ts). */
async function buildFrom(rows: Record<string, unknown>[]) {
  const db = { query: async () => [{ rows }] } as unknown as DigestQueries;
  const [section] = await policyVersionsSection.sections([{ userId: 'u', since: new Date(0), until: new Date() }], db);
  return section;
}

describe('the digest section of new policy versions', () => {
  it('links each version to its diff from the version before, and a first version to itself', async () => {
    const section = await buildFrom([
      { slug: 'social-media-policy', title: 'Social Media Policy', version: '3.0', summary: 'Personal accounts.', first: false, previousVersion: '2.0', sections: [{ title: 'Purpose', change: 'changed' }] },
      { slug: 'lone-working', title: 'Lone Working', version: '1.0', summary: 'First edition.', first: true, previousVersion: null, sections: [] },
    ]);
    expect(section?.items.map((item) => [item.title, item.path, item.detail])).toEqual([
      ['Social Media Policy 3.0', '/policies/social-media-policy/diff?from=2.0&to=3.0', 'Personal accounts. — changed: Purpose'],
      ['Lone Working 1.0', '/policies/lone-working/1.0', 'First edition. — first published version'],
    ]);
  });
});
