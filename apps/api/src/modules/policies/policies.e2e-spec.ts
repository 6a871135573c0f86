import { mkdtemp, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CITATIONS } from '@policy-commons/policies';
import { bundledCorpusDir, loadPolicyCorpus } from '@policy-commons/policies/node';
import { answerQuestion, askQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { errorOf, grantOrganisationRole, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';
import { seedDemoData } from '../../seed/seed.js';
import { demoQuestion } from '../../seed/demo-content.js';
import { CitationsService } from '../citations/citations.service.js';
import { PoliciesService } from './policies.service.js';

const SET_AFFILIATIONS = 'mutation($input: [AffiliationInput!]!) { setAffiliations(input: $input) { id } }';
const CREATE = 'mutation($input: CreatePolicyDocumentInput!) { createPolicyDocument(input: $input) { id slug title organisation { slug } versions { version } latestVersion { version } } }';
const SAVE = 'mutation($input: SavePolicyDraftInput!) { savePolicyDraft(input: $input) { markdown updatedAt } }';
const PUBLISH = `mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) {
  id version summaryOfChanges contributors { name role } sections { anchor title level parentAnchor } document { slug } supersededBy { version }
} }`;
const ADAPT = 'mutation($input: AdaptPolicyDocumentInput!) { adaptPolicyDocument(input: $input) { id slug organisation { slug } adaptedFrom { version document { slug organisation { slug } } } draft { markdown } } }';
const ANSWER = 'mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id citations { reference status } } }';
const MOVE = 'mutation($answerId: ID!, $reference: String!) { updateCitationToLatest(answerId: $answerId, reference: $reference) { id body citations { reference status } revisions { body } } }';

const draft = (responsibilities: string, withScope = true): string =>
  [
    '# Remote Working Policy',
    '',
    '## Purpose',
    '',
    'Why the council supports working away from the office.',
    '',
    ...(withScope ? ['## Scope', '', 'Every employee and contractor.', ''] : []),
    '## Responsibilities',
    '',
    responsibilities,
    '',
  ].join('\n');

describe('policy documents, versions and citations', () => {
  let t: TestApp;
  let countyAuthor: Person;
  let parishAuthor: Person;
  let practitioner: Person;
  let communityId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.config);
    countyAuthor = await signUp(t, 'County Author');
    parishAuthor = await signUp(t, 'Parish Author');
    practitioner = await signUp(t, 'Practitioner');
    await grantOrganisationRole(t, countyAuthor.id, 'county-council', 'POLICY_AUTHOR');
    await grantOrganisationRole(t, parishAuthor.id, 'parish-council', 'POLICY_AUTHOR');
    ({ communityId } = await createCommunity(t, 'policy-tests'));
  });
  afterAll(() => t.close());

  it("shows the demo accepted answer's citations, that 3.0 exists and whether each cited section changed", async () => {
    const result = await t.gql<{
      questions: { edges: { node: { title: string; acceptedAnswer: { citations: { reference: string; status: string; latestVersion: { version: string }; version: { version: string; supersededBy: { version: string } | null }; section: { anchor: string; title: string }; document: { slug: string }; answer: { id: string } | null; question: unknown }[] } } }[] };
    }>(`{ questions(first: 10) { edges { node { title acceptedAnswer { id citations {
      reference status latestVersion { version } version { version supersededBy { version } } section { anchor title } latestSection { anchor } document { slug } answer { id } question { id }
    } } } } } }`);
    expect(result.errors).toBeUndefined();
    const question = result.data?.questions.edges.find((e) => e.node.title === demoQuestion.title)?.node;
    const citations = question?.acceptedAnswer.citations ?? [];
    const byReference = new Map(citations.map((c) => [c.reference, c]));
    expect([...byReference.keys()].sort()).toEqual([DEMO_CITATIONS.codeOfConductInterests, DEMO_CITATIONS.socialMediaPersonalResponsibilities].sort());
    expect(byReference.get(DEMO_CITATIONS.socialMediaPersonalResponsibilities)).toMatchObject({
      status: 'CHANGED',
      latestVersion: { version: '3.0' },
      version: { version: '2.0', supersededBy: { version: '3.0' } },
      section: { anchor: 'personal-and-professional-responsibilities' },
      latestSection: { anchor: 'personal-and-professional-responsibilities' },
      document: { slug: 'social-media-policy' },
      question: null,
    });
    expect(byReference.get(DEMO_CITATIONS.codeOfConductInterests)).toMatchObject({
      status: 'CURRENT',
      latestVersion: { version: '1.0' },
      version: { version: '1.0', supersededBy: null },
      section: { anchor: 'business-and-pecuniary-interests' },
    });
  });

  it('lists documents, their versions, sections and the superseded notice', async () => {
    const result = await t.gql<{
      policyDocuments: { slug: string; organisation: { slug: string }; latestVersion: { version: string } }[];
      policyDocument: { title: string; versions: { version: string; publishedOn: string; supersededBy: { version: string } | null; supersededNotice: string | null; contributors: { name: string; role: string }[] }[]; citedBy: { reference: string; status: string }[]; staleCitations: { reference: string }[] };
      policyVersion: { version: string; licence: string; sections: { anchor: string; level: number; parentAnchor: string | null }[] };
      missing: unknown;
    }>(`{
      policyDocuments { slug organisation { slug } latestVersion { version } }
      policyDocument(slug: "social-media-policy") { title versions { version publishedOn supersededBy { version } supersededNotice contributors { name role } } citedBy { reference status } staleCitations { reference } }
      policyVersion(slug: "social-media-policy", version: "2.0") { version licence sections { anchor level parentAnchor } }
      missing: policyVersion(slug: "social-media-policy", version: "9.0") { id }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(data.policyDocuments.map((d) => [d.slug, d.organisation.slug, d.latestVersion.version])).toEqual(
      expect.arrayContaining([
        ['social-media-policy', 'county-council', '3.0'],
        ['code-of-business-conduct', 'county-council', '1.0'],
      ]),
    );
    expect(data.policyDocument.versions.map((v) => [v.version, v.supersededBy?.version ?? null])).toEqual([
      ['1.0', '2.0'],
      ['2.0', '3.0'],
      ['3.0', null],
    ]);
    expect(data.policyDocument.versions[1]?.publishedOn).toBe('2011-02-21T00:00:00.000Z');
    expect(data.policyDocument.versions[1]?.supersededNotice).toMatch(/supersedes version 2\.0/);
    expect(data.policyDocument.versions[2]?.supersededNotice).toBeNull();
    expect(data.policyDocument.versions[1]?.contributors.map((c) => c.role)).toContain('Head of ICT');
    expect(data.policyDocument.citedBy).toEqual([{ reference: DEMO_CITATIONS.socialMediaPersonalResponsibilities, status: 'CHANGED' }]);
    expect(data.policyDocument.staleCitations).toEqual([{ reference: DEMO_CITATIONS.socialMediaPersonalResponsibilities }]);
    expect(data.policyVersion.sections).toContainEqual({ anchor: 'personal-and-professional-responsibilities', level: 2, parentAnchor: null });
    expect(data.policyVersion.sections).toContainEqual({ anchor: 'choosing-the-right-tool', level: 3, parentAnchor: 'guidance-and-tips' });
    expect(data.missing).toBeNull();
    const parish = await t.gql<{ policyDocuments: unknown[] }>('{ policyDocuments(organisationSlug: "parish-council") { slug } }');
    expect(parish.data?.policyDocuments).toEqual([]);
  });

  it('diffs two versions section by section, with the words that changed', async () => {
    const result = await t.gql<{ policyDiff: { from: { version: string }; to: { version: string }; sections: { anchor: string; change: string; moved: boolean; fromBody: string | null; toBody: string | null; words: { kind: string; text: string }[] }[] } }>(
      `{ policyDiff(slug: "social-media-policy", from: "2.0", to: "3.0") { from { version } to { version } sections { anchor change moved fromBody toBody words { kind text } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const diff = result.data!.policyDiff;
    expect([diff.from.version, diff.to.version]).toEqual(['2.0', '3.0']);
    const change = (anchor: string) => diff.sections.find((s) => s.anchor === anchor);
    expect(change('personal-and-professional-responsibilities')?.change).toBe('CHANGED');
    const rewritten = change('personal-and-professional-responsibilities');
    expect(rewritten?.words.some((w) => w.kind === 'ADDED')).toBe(true);
    // Runs of the Markdown as written: the kept and added ones are the new section, character for character.
    expect(rewritten?.words.filter((w) => w.kind !== 'REMOVED').map((w) => w.text).join('')).toBe(rewritten?.toBody);
    expect(change('mobile-devices')).toMatchObject({ change: 'ADDED', fromBody: null });
    expect(change('choosing-the-right-tool')).toMatchObject({ change: 'REMOVED', toBody: null, words: [] });
    expect(change('social-media-strategy-framework')).toMatchObject({ change: 'MOVED', moved: true });
    expect(change('purpose')?.change).toBe('UNCHANGED');

    expect(errorOf(await t.gql('{ policyDiff(slug: "social-media-policy", from: "2.0", to: "7.0") { to { id } } }'))).toMatchObject({ code: 'NOT_FOUND', field: 'to' });
    expect(errorOf(await t.gql('{ policyDiff(slug: "nope", from: "1.0", to: "2.0") { to { id } } }')).code).toBe('NOT_FOUND');
  });

  it('refuses, in the database, any change to a published version or its sections', async () => {
    const [version] = (await t.db.query(`SELECT v.id FROM policy_versions v JOIN policy_documents d ON d.id = v.document_id WHERE d.slug = 'social-media-policy' AND v.version = '2.0'`)) as { id: string }[];
    await expect(t.db.query(`UPDATE policy_versions SET body = 'rewritten' WHERE id = $1`, [version?.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM policy_versions WHERE id = $1`, [version?.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`UPDATE policy_sections SET body = 'rewritten' WHERE version_id = $1`, [version?.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM policy_sections WHERE version_id = $1`, [version?.id])).rejects.toThrow(/append-only/);
    await expect(
      t.db.query(`INSERT INTO policy_sections (version_id, anchor, title, body, level, position, fingerprint) VALUES ($1, 'extra', 'Extra', 'x', 2, 999, 'f')`, [version?.id]),
    ).rejects.toThrow(/published/);
    const [document] = (await t.db.query(`SELECT id FROM policy_documents WHERE slug = 'social-media-policy'`)) as { id: string }[];
    await expect(
      t.db.query(
        `INSERT INTO policy_versions (document_id, version, major, minor, published_on, summary_of_changes, licence, body, content_hash) VALUES ($1, '2.0', 2, 0, '2020-01-01', 's', 'l', 'b', 'h')`,
        [document?.id],
      ),
    ).rejects.toThrow(/unique|duplicate/i);
  });

  it('imports the bundled corpus idempotently and refuses a changed file without writing anything', async () => {
    const policies = t.app.get(PoliciesService);
    const again = await policies.importBundledCorpus();
    expect(again.versionsImported).toEqual([]);
    expect(again.versionsAlreadyPublished).toHaveLength(4);

    const dir = await mkdtemp(join(tmpdir(), 'pc-corpus-'));
    try {
      await cp(bundledCorpusDir, dir, { recursive: true });
      const file = join(dir, 'county-council', 'social-media-policy', '2.0.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('## Introduction', '## Introduction\n\nA sentence slipped in later.\n'));
      const newDocument = join(dir, 'county-council', 'flexible-working', '1.0.md');
      await cp(join(dir, 'county-council', 'code-of-business-conduct', '1.0.md'), newDocument);
      await writeFile(
        newDocument,
        (await readFile(newDocument, 'utf8')).replace('slug: code-of-business-conduct', 'slug: flexible-working'),
      );
      const error = await policies.importCorpus(await loadPolicyCorpus(dir)).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/social-media-policy@2\.0/);
      expect(error?.message).toContain(file);
      expect(error?.message).toMatch(/already published/);
      const [{ count }] = (await t.db.query(`SELECT count(*)::int AS count FROM policy_documents WHERE slug = 'flexible-working'`)) as { count: number }[];
      expect(count).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('grants nothing for declaring "policy author": an affiliation is a profile statement, not a right', async () => {
    const declared = await t.gql<{ setAffiliations: { affiliations: { role: string }[] } }>(
      'mutation($input: [AffiliationInput!]!) { setAffiliations(input: $input) { affiliations { role } } }',
      { input: [{ organisationSlug: 'county-council', role: 'policy author' }] },
      practitioner,
    );
    expect(declared.data?.setAffiliations.affiliations).toEqual([{ role: 'policy author' }]);
    const input = { organisationSlug: 'county-council', slug: 'declared-not-granted', title: 'Declared Not Granted' };
    const refused = errorOf(await t.gql(CREATE, { input }, practitioner));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/Ask its admins for the policy author role/);
    const seen = await t.gql<{ policyDocument: unknown; user: { organisationRoles: unknown[] } }>(
      'query($id: ID!) { policyDocument(slug: "declared-not-granted") { id } user(id: $id) { organisationRoles { role } } }',
      { id: practitioner.id },
    );
    expect(seen.data).toEqual({ policyDocument: null, user: { organisationRoles: [] } });
    const [{ count }] = (await t.db.query('SELECT count(*)::int AS count FROM organisation_memberships WHERE user_id = $1', [practitioner.id])) as { count: number }[];
    expect(count).toBe(0);
    await t.gql(SET_AFFILIATIONS, { input: [] }, practitioner);
  });

  it('lets only the organisation’s policy authors create, draft and publish', async () => {
    const input = { organisationSlug: 'county-council', slug: 'remote-working', title: 'Remote Working Policy' };
    expect(errorOf(await t.gql(CREATE, { input }, practitioner)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(CREATE, { input }, parishAuthor)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(CREATE, { input })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(CREATE, { input: { ...input, slug: 'Remote Working' } }, countyAuthor))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    expect(errorOf(await t.gql(CREATE, { input: { ...input, organisationSlug: 'nowhere' } }, countyAuthor))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organisationSlug' });

    const created = await t.gql<{ createPolicyDocument: { id: string; versions: unknown[]; latestVersion: unknown } }>(CREATE, { input }, countyAuthor);
    expect(created.errors).toBeUndefined();
    expect(created.data?.createPolicyDocument).toMatchObject({ slug: 'remote-working', organisation: { slug: 'county-council' }, versions: [], latestVersion: null });
    expect(errorOf(await t.gql(CREATE, { input: { ...input, slug: 'social-media-policy' } }, countyAuthor))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    const documentId = created.data!.createPolicyDocument.id;

    const invalid = errorOf(await t.gql(SAVE, { input: { documentId, markdown: 'Intro text\n\n## Scope\n\nAll staff.\n\n## Scope\n\nAgain.' } }, countyAuthor));
    expect(invalid).toMatchObject({ code: 'BAD_USER_INPUT', field: 'markdown' });
    // In words, with the line: no file names or rule ids.
    expect(invalid.message).toBe(
      'The draft cannot be saved as it is. Line 1: This text comes before the first section heading, so nobody could cite it. Put a heading such as "## Introduction" above it. ' +
        'Line 7: Anchor "scope" is already used by the section on line 3; give one of them an explicit {#anchor}.',
    );

    expect(errorOf(await t.gql(SAVE, { input: { documentId, markdown: draft('Managers agree the days.') } }, parishAuthor)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(SAVE, { input: { documentId, markdown: draft('Managers agree the days.') } }, practitioner)).code).toBe('FORBIDDEN');
    const publishInput = { documentId, bump: 'MAJOR', summaryOfChanges: 'First edition.', contributors: [{ name: 'Kate Linden', role: 'Digital Engagement Manager' }] };
    expect(errorOf(await t.gql(PUBLISH, { input: publishInput }, countyAuthor))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documentId' });
    expect((await t.gql(SAVE, { input: { documentId, markdown: draft('Managers agree the days.') } }, countyAuthor)).errors).toBeUndefined();

    const seenByOthers = await t.gql<{ policyDocument: { draft: unknown; canAuthor: boolean } }>('{ policyDocument(slug: "remote-working") { draft { markdown } canAuthor } }', {}, practitioner);
    expect(seenByOthers.data?.policyDocument).toEqual({ draft: null, canAuthor: false });
    const seenByAuthor = await t.gql<{ policyDocument: { draft: { markdown: string }; canAuthor: boolean } }>('{ policyDocument(slug: "remote-working") { draft { markdown } canAuthor } }', {}, countyAuthor);
    expect(seenByAuthor.data?.policyDocument.canAuthor).toBe(true);
    expect(seenByAuthor.data?.policyDocument.draft.markdown).toContain('Managers agree the days.');

    expect(errorOf(await t.gql(PUBLISH, { input: publishInput }, parishAuthor)).code).toBe('FORBIDDEN');
    const published = await t.gql<{ publishPolicyVersion: { version: string; sections: { anchor: string }[] } }>(PUBLISH, { input: publishInput }, countyAuthor);
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishPolicyVersion).toMatchObject({
      version: '1.0',
      summaryOfChanges: 'First edition.',
      contributors: [{ name: 'Kate Linden', role: 'Digital Engagement Manager' }],
      sections: [{ anchor: 'purpose' }, { anchor: 'scope' }, { anchor: 'responsibilities' }],
      supersededBy: null,
    });
    // The draft is gone once published; publishing again needs a new draft that changes something.
    expect(errorOf(await t.gql(PUBLISH, { input: publishInput }, countyAuthor)).code).toBe('BAD_USER_INPUT');
    await t.gql(SAVE, { input: { documentId, markdown: draft('Managers agree the days.') } }, countyAuthor);
    expect(errorOf(await t.gql(PUBLISH, { input: publishInput }, countyAuthor)).message).toMatch(/nothing to publish/);
  });

  it('refuses a save that would overwrite a draft saved elsewhere since the editor loaded it', async () => {
    const created = await t.gql<{ createPolicyDocument: { id: string } }>(CREATE, { input: { organisationSlug: 'county-council', slug: 'hybrid-meetings', title: 'Hybrid Meetings' } }, countyAuthor);
    const documentId = created.data!.createPolicyDocument.id;
    const first = await t.gql<{ savePolicyDraft: { updatedAt: string } }>(SAVE, { input: { documentId, markdown: draft('First words.'), expectedUpdatedAt: null } }, countyAuthor);
    expect(first.errors).toBeUndefined();
    const loadedAt = first.data!.savePolicyDraft.updatedAt;

    // Another tab loaded the same draft and saves first; then each save carries the time it started from.
    const second = await t.gql<{ savePolicyDraft: { updatedAt: string } }>(SAVE, { input: { documentId, markdown: draft('Second words.'), expectedUpdatedAt: loadedAt } }, countyAuthor);
    expect(second.errors).toBeUndefined();
    expect(new Date(second.data!.savePolicyDraft.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(loadedAt).getTime());
    const stale = errorOf(await t.gql(SAVE, { input: { documentId, markdown: draft('Stale words.'), expectedUpdatedAt: loadedAt } }, countyAuthor));
    expect(stale).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expectedUpdatedAt' });
    expect(stale.message).toMatch(/saved elsewhere after you opened it/);
    // An editor that loaded no draft is told one was started meanwhile.
    expect(errorOf(await t.gql(SAVE, { input: { documentId, markdown: draft('Also new.'), expectedUpdatedAt: null } }, countyAuthor))).toMatchObject({ field: 'expectedUpdatedAt' });
    const kept = await t.gql<{ policyDocument: { draft: { markdown: string } } }>('{ policyDocument(slug: "hybrid-meetings") { draft { markdown } } }', {}, countyAuthor);
    expect(kept.data?.policyDocument.draft.markdown).toContain('Second words.');

    // Saving from the latest save works, and so does a save that states nothing (older clients).
    const third = await t.gql(SAVE, { input: { documentId, markdown: draft('Third words.'), expectedUpdatedAt: second.data!.savePolicyDraft.updatedAt } }, countyAuthor);
    expect(third.errors).toBeUndefined();
    expect((await t.gql(SAVE, { input: { documentId, markdown: draft('Fourth words.') } }, countyAuthor)).errors).toBeUndefined();

    // Once published the draft is gone: a save from before is refused rather than starting a new draft unseen.
    const latest = await t.gql<{ policyDocument: { draft: { updatedAt: string } } }>('{ policyDocument(slug: "hybrid-meetings") { draft { updatedAt } } }', {}, countyAuthor);
    await t.gql(PUBLISH, { input: { documentId, bump: 'MAJOR', summaryOfChanges: 'First edition.', contributors: [] } }, countyAuthor);
    const afterPublish = errorOf(await t.gql(SAVE, { input: { documentId, markdown: draft('Late words.'), expectedUpdatedAt: latest.data!.policyDocument.draft.updatedAt } }, countyAuthor));
    expect(afterPublish).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expectedUpdatedAt' });
    expect(afterPublish.message).toMatch(/published or discarded/);
  });

  it('lists the organisations a person may write policies for', async () => {
    const query = '{ organisations(viewerCanAuthorPolicies: true) { slug } }';
    const slugs = async (person?: Person) => ((await t.gql<{ organisations: { slug: string }[] }>(query, {}, person)).data?.organisations ?? []).map((o) => o.slug);
    expect(await slugs(countyAuthor)).toEqual(['county-council']);
    expect(await slugs(parishAuthor)).toEqual(['parish-council']);
    expect(await slugs(practitioner)).toEqual([]);
    expect(await slugs()).toEqual([]);
    const all = await t.gql<{ organisations: { slug: string }[] }>('{ organisations { slug } }');
    expect(all.data!.organisations.map((o) => o.slug)).toEqual(expect.arrayContaining(['county-council', 'parish-council']));
  });

  it('refuses a post citing a reference that does not resolve or is malformed, naming it', async () => {
    const questionId = await askQuestion(t, practitioner, communityId);
    const cases: [string, RegExp][] = [
      ['See policy:no-such-policy@1.0#scope for this.', /policy:no-such-policy@1\.0#scope.*no policy document "no-such-policy"/],
      ['See policy:social-media-policy@9.0#scope.', /policy:social-media-policy@9\.0#scope.*no published version 9\.0/],
      ['See policy:social-media-policy@2.0#no-such-section.', /policy:social-media-policy@2\.0#no-such-section.*no section "no-such-section"/],
      ['See policy:social-media-policy#scope.', /policy:social-media-policy#scope.*version/],
    ];
    for (const [body, message] of cases) {
      const error = errorOf(await t.gql(ANSWER, { input: { questionId, body } }, practitioner));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
      expect(error.message).toMatch(message);
    }
    const asked = errorOf(
      await t.gql('mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }', { input: { communityId, title: 'Which section covers this?', body: 'Is it policy:social-media-policy@2.0#nope ?', tags: ['policy'] } }, practitioner),
    );
    expect(asked).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    // A reference shown as code is an example, not a citation.
    const example = await t.gql<{ answerQuestion: { citations: unknown[] } }>(ANSWER, { input: { questionId, body: 'Write it like `policy:slug@1.0#anchor`.' } }, practitioner);
    expect(example.data?.answerQuestion.citations).toEqual([]);
  });

  it('tells an editor what each reference in an unsaved post would cite, or why the save would refuse it', async () => {
    const RESOLVE = `query($references: [String!]!) { resolveCitations(references: $references) {
      reference problem citation { id reference status document { slug title } version { version } section { anchor title } latestVersion { version } changedIn { version } }
    } }`;
    const references = [
      DEMO_CITATIONS.socialMediaPersonalResponsibilities,
      DEMO_CITATIONS.codeOfConductInterests,
      'policy:no-such-policy@1.0#scope',
      'policy:social-media-policy@9.0#scope',
      'policy:social-media-policy@2.0#no-such-section',
      'policy:social-media-policy#scope',
    ];
    // Anyone may preview: a visitor writing their first post is not signed in yet either.
    const result = await t.gql<{ resolveCitations: { reference: string; problem: string | null; citation: Record<string, unknown> | null }[] }>(RESOLVE, { references });
    expect(result.errors).toBeUndefined();
    const [changed, current, noDocument, noVersion, noSection, malformed] = result.data!.resolveCitations;
    expect(changed).toMatchObject({
      reference: DEMO_CITATIONS.socialMediaPersonalResponsibilities,
      problem: null,
      citation: {
        reference: DEMO_CITATIONS.socialMediaPersonalResponsibilities,
        status: 'CHANGED',
        document: { slug: 'social-media-policy', title: 'Social Media Policy and Guidance' },
        version: { version: '2.0' },
        section: { anchor: 'personal-and-professional-responsibilities' },
        latestVersion: { version: '3.0' },
        changedIn: { version: '3.0' },
      },
    });
    expect(current).toMatchObject({ problem: null, citation: { status: 'CURRENT', changedIn: null } });
    expect(noDocument).toEqual({ reference: 'policy:no-such-policy@1.0#scope', citation: null, problem: 'There is no policy document "no-such-policy".' });
    expect(noVersion).toMatchObject({ citation: null, problem: '"Social Media Policy and Guidance" has no published version 9.0.' });
    expect(noSection).toMatchObject({ citation: null, problem: 'Version 2.0 of "Social Media Policy and Guidance" has no section "no-such-section".' });
    expect(malformed.citation).toBeNull();
    expect(malformed.problem).toMatch(/^This is not a policy citation: .*version/);

    const tooMany = errorOf(await t.gql(RESOLVE, { references: Array.from({ length: 51 }, () => DEMO_CITATIONS.codeOfConductInterests) }));
    expect(tooMany).toMatchObject({ code: 'BAD_USER_INPUT', field: 'references' });
  });

  it('shows authors which citations a draft would make stale, marks them stale once published, and lets the answerer move them', async () => {
    const document = await t.gql<{ policyDocument: { id: string } }>('{ policyDocument(slug: "remote-working") { id } }');
    const documentId = document.data!.policyDocument.id;
    const questionId = await askQuestion(t, practitioner, communityId);
    const answerId = await answerQuestion(
      t,
      practitioner,
      questionId,
      'Agree it with your manager: policy:remote-working@1.0#responsibilities. Scope is [everyone](policy:remote-working@1.0#scope), and policy:remote-working@1.0#purpose.',
    );

    await t.gql(SAVE, { input: { documentId, markdown: draft('Managers agree the days in writing, and review them every year.', false) } }, countyAuthor);
    const impact = await t.gql<{ policyDocument: { draft: { citationsMadeStale: { change: string; citation: { reference: string; answer: { id: string } } }[] } } }>(
      '{ policyDocument(slug: "remote-working") { draft { citationsMadeStale { change citation { reference answer { id } } } } } }',
      {},
      countyAuthor,
    );
    expect(impact.errors).toBeUndefined();
    expect(impact.data?.policyDocument.draft.citationsMadeStale.map((i) => [i.citation.reference, i.change, i.citation.answer.id]).sort()).toEqual([
      ['policy:remote-working@1.0#responsibilities', 'CHANGED', answerId],
      ['policy:remote-working@1.0#scope', 'REMOVED', answerId],
    ]);

    const published = await t.gql<{ publishPolicyVersion: { id: string; version: string } }>(
      PUBLISH,
      { input: { documentId, bump: 'MINOR', summaryOfChanges: 'Written agreements; scope folded into purpose.', contributors: [] } },
      countyAuthor,
    );
    expect(published.data?.publishPolicyVersion.version).toBe('1.1');
    const stale = await t.gql<{ policyDocument: { staleCitations: { reference: string; status: string; answer: { id: string } }[]; versions: { version: string; supersededBy: { version: string } | null }[] } }>(
      '{ policyDocument(slug: "remote-working") { versions { version supersededBy { version } } staleCitations { reference status answer { id } } } }',
    );
    expect(stale.data?.policyDocument.versions).toEqual([
      { version: '1.0', supersededBy: { version: '1.1' } },
      { version: '1.1', supersededBy: null },
    ]);
    expect(stale.data?.policyDocument.staleCitations.map((c) => [c.reference, c.status]).sort()).toEqual([
      ['policy:remote-working@1.0#responsibilities', 'CHANGED'],
      ['policy:remote-working@1.0#scope', 'REMOVED'],
    ]);
    const notices = await t.app.get(CitationsService).citationsMadeStaleBy(published.data!.publishPolicyVersion.id);
    expect(notices.map((n) => [n.answerId, n.authorId, n.reference, n.change]).sort()).toEqual([
      [answerId, practitioner.id, 'policy:remote-working@1.0#responsibilities', 'CHANGED'],
      [answerId, practitioner.id, 'policy:remote-working@1.0#scope', 'REMOVED'],
    ]);

    expect(errorOf(await t.gql(MOVE, { answerId, reference: 'policy:remote-working@1.0#responsibilities' }, countyAuthor)).code).toBe('FORBIDDEN');
    const removed = errorOf(await t.gql(MOVE, { answerId, reference: 'policy:remote-working@1.0#scope' }, practitioner));
    expect(removed).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reference' });
    expect(removed.message).toMatch(/no longer has the section "scope"/);
    const moved = await t.gql<{ updateCitationToLatest: { body: string; citations: { reference: string; status: string }[]; revisions: { body: string }[] } }>(
      MOVE,
      { answerId, reference: 'policy:remote-working@1.0#responsibilities' },
      practitioner,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.updateCitationToLatest.body).toContain('policy:remote-working@1.1#responsibilities.');
    expect(moved.data?.updateCitationToLatest.citations).toEqual([
      { reference: 'policy:remote-working@1.1#responsibilities', status: 'CURRENT' },
      { reference: 'policy:remote-working@1.0#scope', status: 'REMOVED' },
      { reference: 'policy:remote-working@1.0#purpose', status: 'UNCHANGED' },
    ]);
    expect(moved.data?.updateCitationToLatest.revisions).toHaveLength(2);
    expect(errorOf(await t.gql(MOVE, { answerId, reference: 'policy:remote-working@1.1#responsibilities' }, practitioner)).message).toMatch(/already cites the latest/);

    const REFRESH = 'mutation($answerId: ID!) { refreshCitations(answerId: $answerId) { citations { reference status } revisions { body } } }';
    const refreshed = await t.gql<{ refreshCitations: { citations: unknown[]; revisions: unknown[] } }>(REFRESH, { answerId }, practitioner);
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data?.refreshCitations.citations).toEqual([
      { reference: 'policy:remote-working@1.1#responsibilities', status: 'CURRENT' },
      { reference: 'policy:remote-working@1.0#scope', status: 'REMOVED' },
      { reference: 'policy:remote-working@1.1#purpose', status: 'CURRENT' },
    ]);
    expect(refreshed.data?.refreshCitations.revisions).toHaveLength(3);
    expect(errorOf(await t.gql(REFRESH, { answerId }, practitioner))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answerId' });
  });

  it('names the first version that changed a cited section, which need not be the latest', async () => {
    const document = await t.gql<{ policyDocument: { id: string } }>('{ policyDocument(slug: "remote-working") { id } }');
    const documentId = document.data!.policyDocument.id;
    const questionId = await askQuestion(t, practitioner, communityId);
    const answerId = await answerQuestion(t, practitioner, questionId, 'See policy:remote-working@1.0#responsibilities, policy:remote-working@1.1#responsibilities and policy:remote-working@1.1#purpose.');
    // 1.2 rewrites the purpose only; the responsibilities changed in 1.1 (the test above) and stay as 1.1 wrote them.
    const kept = 'Managers agree the days in writing, and review them every year.';
    await t.gql(SAVE, { input: { documentId, markdown: draft(kept, false).replace('Why the council supports working away from the office.', 'Why, and when, the council supports remote work.') } }, countyAuthor);
    const published = await t.gql<{ publishPolicyVersion: { version: string } }>(PUBLISH, { input: { documentId, bump: 'MINOR', summaryOfChanges: 'Purpose reworded.', contributors: [] } }, countyAuthor);
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishPolicyVersion.version).toBe('1.2');

    const result = await t.gql<{ question: { answers: { id: string; citations: unknown[] }[] } }>(
      'query($id: ID!) { question(id: $id) { answers { id citations { reference status changedIn { version } latestVersion { version } } } } }',
      { id: questionId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.question.answers.find((a) => a.id === answerId)?.citations).toEqual([
      { reference: 'policy:remote-working@1.0#responsibilities', status: 'CHANGED', changedIn: { version: '1.1' }, latestVersion: { version: '1.2' } },
      { reference: 'policy:remote-working@1.1#responsibilities', status: 'UNCHANGED', changedIn: null, latestVersion: { version: '1.2' } },
      { reference: 'policy:remote-working@1.1#purpose', status: 'CHANGED', changedIn: { version: '1.2' }, latestVersion: { version: '1.2' } },
    ]);
  });

  it('adapts another organisation’s version with its lineage shown on both sides', async () => {
    const input = { source: 'social-media-policy@2.0', organisationSlug: 'parish-council', slug: 'parish-social-media-policy', title: 'Parish Social Media Policy' };
    expect(errorOf(await t.gql(ADAPT, { input: { ...input, organisationSlug: 'county-council' } }, parishAuthor)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(ADAPT, { input }, practitioner)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(ADAPT, { input: { ...input, source: 'social-media-policy@8.0' } }, parishAuthor))).toMatchObject({ code: 'NOT_FOUND', field: 'source' });
    expect(errorOf(await t.gql(ADAPT, { input: { ...input, source: 'social-media-policy' } }, parishAuthor))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'source' });

    const adapted = await t.gql<{ adaptPolicyDocument: { draft: { markdown: string } } }>(ADAPT, { input }, parishAuthor);
    expect(adapted.errors).toBeUndefined();
    expect(adapted.data?.adaptPolicyDocument).toMatchObject({
      slug: 'parish-social-media-policy',
      organisation: { slug: 'parish-council' },
      adaptedFrom: { version: '2.0', document: { slug: 'social-media-policy', organisation: { slug: 'county-council' } } },
    });
    expect(adapted.data?.adaptPolicyDocument.draft.markdown).toContain('{#personal-and-professional-responsibilities}');

    const source = await t.gql<{ policyDocument: { adaptations: { slug: string; organisation: { slug: string }; adaptedFrom: { version: string } }[] } }>(
      '{ policyDocument(slug: "social-media-policy") { adaptations { slug organisation { slug } adaptedFrom { version } } } }',
    );
    expect(source.data?.policyDocument.adaptations).toEqual([{ slug: 'parish-social-media-policy', organisation: { slug: 'parish-council' }, adaptedFrom: { version: '2.0' } }]);

    const documentId = (adapted.data?.adaptPolicyDocument as unknown as { id: string }).id;
    const first = await t.gql<{ publishPolicyVersion: { version: string; licence: string } }>(
      'mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { version licence } }',
      { input: { documentId, bump: 'MAJOR', summaryOfChanges: 'Adopted for the parish.', contributors: [{ name: 'Parish Author', role: 'Parish clerk' }] } },
      parishAuthor,
    );
    // The adaptation's draft is the source text, so the first publication is allowed even unchanged.
    expect(first.errors).toBeUndefined();
    expect(first.data?.publishPolicyVersion.version).toBe('1.0');
    expect(first.data?.publishPolicyVersion.licence).toMatch(/^Adapted by Little Ashby Parish Council from "Social Media Policy and Guidance" version 2\.0 by Shireford County Council\./);
    const lineage = await t.gql<{ policyDocument: { adaptationNotice: string } }>('{ policyDocument(slug: "parish-social-media-policy") { adaptationNotice } }');
    expect(lineage.data?.policyDocument.adaptationNotice).toBe('Adapted by Little Ashby Parish Council from "Social Media Policy and Guidance" version 2.0 by Shireford County Council.');
  });

  it('resolves citations, their versions, sections and statuses in a constant number of statements', async () => {
    const questionId = await askQuestion(t, practitioner, communityId);
    // Small pages keep this under the cost limit (common/query-limits.ts): each citation may list a version's sections.
    const query = `query($id: ID!) { question(id: $id) { answers(first: 5) { citations(first: 5) { reference status document { slug organisation { slug } } version { version supersededBy { version } sections { anchor } } section { title } latestSection { title } latestVersion { version } answer { id } } } } }`;
    const statementsFor = async (): Promise<number> => {
      const before = t.statements();
      const result = await t.gql(query, { id: questionId });
      expect(result.errors).toBeUndefined();
      return t.statements() - before;
    };
    await answerQuestion(t, practitioner, questionId, `See ${DEMO_CITATIONS.socialMediaPersonalResponsibilities} and ${DEMO_CITATIONS.codeOfConductInterests}.`);
    await statementsFor(); // warms up what a first request loads once
    const few = await statementsFor();
    for (let i = 0; i < 8; i += 1) {
      await answerQuestion(t, practitioner, questionId, `Answer ${i}: ${DEMO_CITATIONS.socialMediaPersonalResponsibilities}, ${DEMO_CITATIONS.codeOfConductLineManagerOutcomes} and policy:remote-working@1.${i % 2}#purpose.`);
    }
    expect(await statementsFor()).toBe(few);
  });
});
