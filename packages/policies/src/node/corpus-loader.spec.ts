import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseCitationReference } from '../citation-reference.js';
import { DEMO_ANCHORS, DEMO_CITATIONS } from '../demo-corpus.js';
import { countSectionChanges, diffPolicyVersions, sectionChangeBetween } from '../diff.js';
import { PolicyFormatException } from '../errors.js';
import { versionFile } from '../__fixtures__/version-file.js';
import { bundledCorpusDir, loadPolicyCorpus, readPolicyCorpus, type PolicyCorpus } from './corpus-loader.js';

describe('the bundled corpus', () => {
  let corpus: PolicyCorpus;
  beforeAll(async () => {
    corpus = await loadPolicyCorpus();
  });
  const document = (slug: string) => {
    const found = corpus.documents.find((candidate) => candidate.slug === slug);
    if (!found) throw new Error(`no ${slug} in the bundled corpus`);
    return found;
  };
  const versionOf = (slug: string, version: string) => {
    const found = document(slug).versions.find((candidate) => candidate.version === version);
    if (!found) throw new Error(`no ${slug}@${version}`);
    return found;
  };

  it('is found next to the package and loads without errors', () => {
    expect(bundledCorpusDir).toMatch(/packages[/\\]policies[/\\]corpus$/);
    expect(corpus.documents.map((doc) => [doc.organisation, doc.slug, doc.versions.map((v) => v.version)])).toEqual([
      ['county-council', 'code-of-business-conduct', ['1.0']],
      ['county-council', 'social-media-policy', ['1.0', '2.0', '3.0']],
    ]);
    expect(document('social-media-policy').latestVersion.version).toBe('3.0');
  });

  it('has every section the demo citations name', () => {
    for (const text of Object.values(DEMO_CITATIONS)) {
      const parsed = parseCitationReference(text);
      if (!parsed.ok) throw new Error(parsed.error);
      const { slug, version, anchor } = parsed.reference;
      expect(versionOf(slug, version).sections.map((section) => section.anchor)).toContain(anchor);
    }
    const outcomes = versionOf('code-of-business-conduct', '1.0').sections.filter(
      (section) => section.parentAnchor === DEMO_ANCHORS.lineManagerOutcomes,
    );
    expect(outcomes.map((section) => section.anchor)).toEqual(['no-material-effect', 'avoiding-a-conflict', 'approval-withheld']);
  });

  it('has every kind of change between 2.0 and 3.0', () => {
    const changes = diffPolicyVersions(versionOf('social-media-policy', '2.0'), versionOf('social-media-policy', '3.0'));
    const counts = countSectionChanges(changes);
    for (const kind of ['ADDED', 'REMOVED', 'CHANGED', 'UNCHANGED', 'MOVED'] as const) {
      expect(counts[kind]).toBeGreaterThan(0);
    }
    const kindOf = (anchor: string) => changes.find((change) => change.anchor === anchor)?.change;
    expect(kindOf(DEMO_ANCHORS.personalAndProfessionalResponsibilities)).toBe('CHANGED');
    expect(kindOf('mobile-devices')).toBe('ADDED');
    expect(kindOf('choosing-the-right-tool')).toBe('REMOVED');
    expect(kindOf(DEMO_ANCHORS.socialMediaStrategyFramework)).toBe('MOVED');
    expect(kindOf('scope')).toBe('UNCHANGED');
  });

  it('makes the seeded 2.0 citation stale in 3.0', () => {
    expect(
      sectionChangeBetween(
        versionOf('social-media-policy', '2.0'),
        versionOf('social-media-policy', '3.0'),
        DEMO_ANCHORS.personalAndProfessionalResponsibilities,
      ),
    ).toBe('CHANGED');
  });

  it('carries the superseded notice on the edition that supersedes', () => {
    expect(versionOf('social-media-policy', '3.0').supersededNotice).toMatch(/supersedes version 2.0/);
    expect(versionOf('social-media-policy', '2.0').supersededNotice).toBeNull();
    expect(versionOf('social-media-policy', '2.0').licence).toMatch(/acknowledged/);
  });
});

describe('readPolicyCorpus on a broken folder', () => {
  let dir: string;
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'policy-corpus-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('aggregates every error with its file', async () => {
    write('README.md', 'Allowed.');
    write('notes.txt', 'Not allowed.');
    write('county-council/social-media-policy/2.0.md', versionFile());
    write('county-council/social-media-policy/3.0.md', versionFile({ version: 'version: 2.5', publishedOn: 'publishedOn: 2012-07-16' }));
    write('county-council/social-media-policy/draft.md', versionFile());
    write('county-council/social-media-policy/1.0.md', versionFile({ version: 'version: 1.0', licence: null }));
    write('parish-council/social-media-policy/1.0.md', versionFile({ version: 'version: 1.0', organisation: 'organisation: parish-council', publishedOn: 'publishedOn: 2010-01-01' }));
    write(
      'parish-council/guide/1.0.md',
      versionFile({ slug: 'slug: guide', organisation: 'organisation: parish-council', version: 'version: 1.0', a: 'adaptedFrom: social-media-policy@9.0' }),
    );

    const result = await readPolicyCorpus(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const summary = result.errors.map((error) => [error.rule, error.file?.slice(dir.length + 1)]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['misplaced-file', 'notes.txt'],
        ['misplaced-file', 'county-council/social-media-policy/draft.md'],
        ['missing-field', 'county-council/social-media-policy/1.0.md'],
        ['file-name-mismatch', 'county-council/social-media-policy/3.0.md'],
        ['duplicate-document', 'parish-council/social-media-policy/1.0.md'],
        ['invalid-adapted-from', 'parish-council/guide/1.0.md'],
      ]),
    );
    expect(result.errors).toHaveLength(6);
  });

  it('checks each document history in publication order', async () => {
    write('county-council/social-media-policy/1.0.md', versionFile({ version: 'version: 1.0', publishedOn: 'publishedOn: 2012-01-01' }));
    write('county-council/social-media-policy/2.0.md', versionFile());
    const result = await readPolicyCorpus(dir);
    expect(!result.ok && result.errors.map((error) => error.rule)).toEqual(['version-not-increasing']);
  });

  it('throws one exception listing every error from loadPolicyCorpus', async () => {
    write('county-council/social-media-policy/2.0.md', versionFile({ version: 'version: 2', title: 'title: ""' }));
    const loading = loadPolicyCorpus(dir);
    await expect(loading).rejects.toBeInstanceOf(PolicyFormatException);
    await expect(loading).rejects.toThrow(/2 errors[\s\S]*2\.0\.md:3: "title" must be non-empty text \[invalid-field\]/);
  });

  it('reports a missing folder instead of throwing', async () => {
    const result = await readPolicyCorpus(join(dir, 'nowhere'));
    expect(!result.ok && result.errors.map((error) => error.rule)).toEqual(['unreadable-file']);
  });
});
