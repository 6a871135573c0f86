import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  describePolicyFormatError,
  diffPolicyVersions,
  isVersionNumber,
  nextVersion,
  parseDocumentVersionRef,
  parsePolicyBody,
  sectionFingerprint,
  validateDocumentHistory,
  type SectionChange,
} from '@policy-commons/policies';
import { loadPolicyCorpus, type PolicyCorpus } from '@policy-commons/policies/node';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../../common/ids.js';
import { checkPageSize, MAX_PAGE_SIZE, PER_PARENT_LIMIT } from '../../common/pagination.js';
import type { Viewer } from '../../common/request-context.js';
import { OrganisationEntity } from '../accounts/organisation.entity.js';
import { authorize } from '../access/access.exception.js';
import { OutboxService } from '../outbox/outbox.service.js';
import type { AdaptPolicyDocumentInput, CreatePolicyDocumentInput, PublishPolicyVersionInput, SavePolicyDraftInput } from './dto/policy.input.js';
import { PoliciesException, PoliciesExceptionCode } from './policies.exception.js';
import { PolicyDocumentEntity, PolicyDraftEntity, PolicySectionEntity, PolicyVersionEntity } from './policy.entity.js';
import { importPolicyCorpusWith, type PolicyImportReport } from './policy-import.js';
import { insertPolicyVersion } from './policy-versions.js';
import { sitemapPageEnd } from '../../common/sitemap-pages.js';


export interface PolicyVersionDiff {
  from: PolicyVersionEntity;
  to: PolicyVersionEntity;
  fromSections: PolicySectionEntity[];
  toSections: PolicySectionEntity[];
  changes: SectionChange[];
}

type PolicyDraftSections = ReturnType<typeof parsePolicyBody>['sections'];

const today = (): string => new Date().toISOString().slice(0, 10);

@Injectable()
export class PoliciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  // ---- reading -------------------------------------------------------------

  listDocuments(organisationSlug: string | null = null, first = MAX_PAGE_SIZE): Promise<PolicyDocumentEntity[]> {
    const qb = this.db.getRepository(PolicyDocumentEntity).createQueryBuilder('d');
    if (organisationSlug !== null) qb.innerJoin(OrganisationEntity, 'o', 'o.id = d.organisation_id AND o.slug = :organisationSlug', { organisationSlug });
    return qb.orderBy('d.title', 'ASC').addOrderBy('d.slug', 'ASC').limit(checkPageSize(first)).getMany();
  }

  findDocumentBySlug(slug: string): Promise<PolicyDocumentEntity | null> {
    return this.db.getRepository(PolicyDocumentEntity).findOneBy({ slug });
  }

  async requireDocument(id: string, field = 'documentId', tx: EntityManager = this.db.manager): Promise<PolicyDocumentEntity> {
    const document = isUuid(id) ? await tx.getRepository(PolicyDocumentEntity).findOneBy({ id }) : null;
    if (!document) throw new PoliciesException(PoliciesExceptionCode.DOCUMENT_NOT_FOUND, 'That policy document does not exist.', { field });
    return document;
  }

  async findVersion(slug: string, version: string): Promise<PolicyVersionEntity | null> {
    if (!isVersionNumber(version)) return null;
    return this.db
      .getRepository(PolicyVersionEntity)
      .createQueryBuilder('v')
      .innerJoin(PolicyDocumentEntity, 'd', 'd.id = v.document_id')
      .where('d.slug = :slug AND v.version = :version', { slug, version })
      .getOne();
  }

  documentsByIds(ids: readonly string[]): Promise<PolicyDocumentEntity[]> {
    return this.db.getRepository(PolicyDocumentEntity).findBy({ id: In([...ids]) });
  }

  organisationsByIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return this.db.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
  }

  versionsByIds(ids: readonly string[]): Promise<PolicyVersionEntity[]> {
    return this.db.getRepository(PolicyVersionEntity).findBy({ id: In([...ids]) });
  }

  /** Oldest first, numerically (2.10 after 2.9). */
  versionsByDocumentIds(documentIds: readonly string[], tx: EntityManager = this.db.manager): Promise<PolicyVersionEntity[]> {
    return tx.getRepository(PolicyVersionEntity).find({ where: { documentId: In([...documentIds]) }, order: { major: 'ASC', minor: 'ASC' } });
  }

  /** The most recently published versions of every document, each with the number of the version before it in its document (null for a first version). */
  async latestVersions(limit: number): Promise<(PolicyVersionEntity & { previousVersion: string | null })[]> {
    const { entities, raw } = await this.db
      .getRepository(PolicyVersionEntity)
      .createQueryBuilder('v')
      .leftJoin(
        (sub) =>
          sub
            .select('p.document_id', 'document_id')
            .addSelect('p.id', 'id')
            .addSelect('lag(p.version) OVER (PARTITION BY p.document_id ORDER BY p.major, p.minor)', 'previous_version')
            .from(PolicyVersionEntity, 'p'),
        'prev',
        'prev.id = v.id',
      )
      .addSelect('prev.previous_version', 'previous_version')
      .orderBy('v.published_at', 'DESC')
      .addOrderBy('v.published_on', 'DESC')
      .addOrderBy('v.major', 'DESC')
      .addOrderBy('v.minor', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(limit)
      .getRawAndEntities<{ previous_version: string | null }>();
    return entities.map((entity, index) => ({ ...entity, previousVersion: raw[index]?.previous_version ?? null }));
  }

  /** Where the document sitemap file after the one starting after the slug `after` starts (documents by slug), or null when it is the last. */
  documentSitemapPageEnd(after: string | null, size: number): Promise<string | null> {
    return sitemapPageEnd(this.db, { table: 'policy_documents', key: 'slug' }, after, size);
  }

  /** The documents among the `size` after `after` that have a published version, with when the latest was published. */
  documentSitemapPage(after: string | null, size: number): Promise<{ slug: string; latestPublishedAt: Date }[]> {
    return this.db.query(
      `SELECT d.slug, latest.published_at AS "latestPublishedAt"
         FROM (SELECT d.id, d.slug FROM policy_documents d ${after !== null ? 'WHERE d.slug > $2' : ''} ORDER BY d.slug LIMIT $1) d
         CROSS JOIN LATERAL (SELECT max(v.published_at) AS published_at FROM policy_versions v WHERE v.document_id = d.id) latest
        WHERE latest.published_at IS NOT NULL
        ORDER BY d.slug`,
      after !== null ? [size, after] : [size],
    ) as Promise<{ slug: string; latestPublishedAt: Date }[]>;
  }

  /** Where the version sitemap file after the one starting after the version id `after` starts (versions by id), or null when it is the last. */
  versionSitemapPageEnd(after: string | null, size: number): Promise<string | null> {
    return sitemapPageEnd(this.db, { table: 'policy_versions', key: 'id', cast: '::uuid' }, after, size);
  }

  /** The `size` versions after the id `after`, with their document's slug: one sitemap file. */
  versionSitemapPage(after: string | null, size: number): Promise<{ slug: string; version: string; publishedAt: Date }[]> {
    return this.db.query(
      `SELECT d.slug, v.version, v.published_at AS "publishedAt"
         FROM (SELECT v.id, v.document_id, v.version, v.published_at FROM policy_versions v
                ${after !== null ? 'WHERE v.id > $2::uuid' : ''} ORDER BY v.id LIMIT $1) v
         JOIN policy_documents d ON d.id = v.document_id
        ORDER BY v.id`,
      after !== null ? [size, after] : [size],
    ) as Promise<{ slug: string; version: string; publishedAt: Date }[]>;
  }

  sectionsByVersionIds(versionIds: readonly string[]): Promise<PolicySectionEntity[]> {
    return this.db.getRepository(PolicySectionEntity).find({ where: { versionId: In([...versionIds]) }, order: { position: 'ASC' } });
  }

  sectionsByIds(ids: readonly string[]): Promise<PolicySectionEntity[]> {
    return this.db.getRepository(PolicySectionEntity).findBy({ id: In([...ids]) });
  }

  draftsByDocumentIds(documentIds: readonly string[]): Promise<PolicyDraftEntity[]> {
    return this.db.getRepository(PolicyDraftEntity).findBy({ documentId: In([...documentIds]) });
  }

  /** Documents adapted from any version of the given documents (the first PER_PARENT_LIMIT of each), with the source document's id. */
  async adaptationsOf(documentIds: readonly string[]): Promise<(PolicyDocumentEntity & { sourceDocumentId: string })[]> {
    const rows = await this.db
      .getRepository(PolicyDocumentEntity)
      .createQueryBuilder('d')
      .innerJoin(PolicyVersionEntity, 'v', 'v.id = d.adapted_from_version_id')
      .addSelect('v.document_id', 'source_document_id')
      .innerJoin(
        `(SELECT rd.id, row_number() OVER (PARTITION BY rv.document_id ORDER BY rd.created_at, rd.id) AS rank
            FROM policy_documents rd JOIN policy_versions rv ON rv.id = rd.adapted_from_version_id WHERE rv.document_id IN (:...ids))`,
        'ranked',
        'ranked.id = d.id AND ranked.rank <= :limit',
      )
      .where('v.document_id IN (:...ids)', { ids: [...documentIds], limit: PER_PARENT_LIMIT })
      .orderBy('d.created_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getRawAndEntities();
    return rows.entities.map((entity, index) => ({ ...entity, sourceDocumentId: (rows.raw[index] as { source_document_id: string }).source_document_id }));
  }

  async diff(slug: string, from: string, to: string): Promise<PolicyVersionDiff> {
    const document = await this.findDocumentBySlug(slug);
    if (!document) throw new PoliciesException(PoliciesExceptionCode.DOCUMENT_NOT_FOUND, `There is no policy document "${slug}".`, { field: 'slug' });
    const [fromVersion, toVersion] = await Promise.all([this.findVersion(slug, from), this.findVersion(slug, to)]);
    for (const [field, found, number] of [['from', fromVersion, from], ['to', toVersion, to]] as const) {
      if (!found) {
        throw new PoliciesException(PoliciesExceptionCode.VERSION_NOT_FOUND, `"${document.title}" has no version ${number}.`, { field });
      }
    }
    const sections = await this.sectionsByVersionIds([(fromVersion as PolicyVersionEntity).id, (toVersion as PolicyVersionEntity).id]);
    const fromSections = sections.filter((s) => s.versionId === fromVersion?.id);
    const toSections = sections.filter((s) => s.versionId === toVersion?.id);
    return {
      from: fromVersion as PolicyVersionEntity,
      to: toVersion as PolicyVersionEntity,
      fromSections,
      toSections,
      changes: diffPolicyVersions({ sections: fromSections }, { sections: toSections }),
    };
  }

  // ---- authoring -----------------------------------------------------------

  private async requireOrganisation(slug: string): Promise<OrganisationEntity> {
    const organisation = await this.db.getRepository(OrganisationEntity).findOneBy({ slug: slug.trim() });
    if (!organisation) {
      throw new PoliciesException(PoliciesExceptionCode.ORGANISATION_NOT_FOUND, `There is no organisation "${slug}".`, { field: 'organisationSlug' });
    }
    return organisation;
  }

  private async requireAuthor(viewer: Viewer, organisation: Pick<OrganisationEntity, 'id' | 'name'>): Promise<void> {
    authorize(viewer, 'author-policies', { kind: 'organisation', organisationId: organisation.id });
  }

  private async requireAuthorOfDocument(viewer: Viewer, document: PolicyDocumentEntity): Promise<void> {
    const [organisation] = await this.organisationsByIds([document.organisationId]);
    await this.requireAuthor(viewer, organisation as OrganisationEntity);
  }

  private static slugTaken(slug: string): PoliciesException {
    return new PoliciesException(PoliciesExceptionCode.SLUG_TAKEN, `A policy document called "${slug}" already exists; citations name documents by slug, so choose another.`, {
      field: 'slug',
    });
  }

  private async requireFreeSlug(tx: EntityManager, slug: string): Promise<void> {
    if (await tx.getRepository(PolicyDocumentEntity).existsBy({ slug })) throw PoliciesService.slugTaken(slug);
  }

  /**
   * Runs a transaction that creates a document with `slug`: two creations of one slug at
   * once both pass requireFreeSlug, and the unique key refuses the second as SLUG_TAKEN.
   */
  private async creatingDocument<T>(slug: string, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'policy_documents_slug_key') throw PoliciesService.slugTaken(slug);
      throw error;
    }
  }

  async createDocument(viewer: Viewer, input: CreatePolicyDocumentInput): Promise<PolicyDocumentEntity> {
    const organisation = await this.requireOrganisation(input.organisationSlug);
    await this.requireAuthor(viewer, organisation);
    return this.creatingDocument(input.slug, async (tx) => {
      await this.requireFreeSlug(tx, input.slug);
      return tx.getRepository(PolicyDocumentEntity).save(
        tx.getRepository(PolicyDocumentEntity).create({ slug: input.slug, title: input.title.trim(), organisationId: organisation.id, createdBy: viewer.id }),
      );
    });
  }

  /**
   * A draft's sections; it is refused unless it would publish as is: every format error,
   * each with its line, in words an author acts on (no rule ids: those are for the CLI).
   */
  static parseDraft(markdown: string): PolicyDraftSections {
    const parsed = parsePolicyBody(markdown);
    if (!parsed.ok) {
      throw new PoliciesException(
        PoliciesExceptionCode.INVALID_DRAFT,
        `The draft cannot be saved as it is. ${parsed.errors.map(describePolicyFormatError).join(' ')}`,
        { field: 'markdown' },
      );
    }
    return parsed.sections;
  }

  /**
   * Saves the draft. With `expectedUpdatedAt` the editor says which save it started from:
   * a draft saved (or published and so gone) since then is someone else's work, or the
   * same author's in another tab, and is refused rather than overwritten. The document's
   * row is locked as publishing locks it, so a save and a publish of one document queue.
   */
  async saveDraft(viewer: Viewer, input: SavePolicyDraftInput): Promise<PolicyDraftEntity> {
    const found = await this.requireDocument(input.documentId);
    await this.requireAuthorOfDocument(viewer, found);
    PoliciesService.parseDraft(input.markdown);
    return this.db.transaction(async (tx) => {
      await tx.getRepository(PolicyDocumentEntity).findOne({ where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
      const current = await tx.getRepository(PolicyDraftEntity).findOneBy({ documentId: found.id });
      if (input.expectedUpdatedAt !== undefined) PoliciesService.checkDraftUnchanged(current, input.expectedUpdatedAt);
      await tx.query(
        `INSERT INTO policy_drafts (document_id, markdown, updated_by, updated_at) VALUES ($1, $2, $3, clock_timestamp())
         ON CONFLICT (document_id) DO UPDATE SET markdown = EXCLUDED.markdown, updated_by = EXCLUDED.updated_by, updated_at = clock_timestamp()`,
        [found.id, input.markdown, viewer.id],
      );
      return (await tx.getRepository(PolicyDraftEntity).findOneBy({ documentId: found.id })) as PolicyDraftEntity;
    });
  }

  /** Times are compared to the millisecond: what the editor was given (PostgreSQL keeps microseconds). */
  private static checkDraftUnchanged(current: PolicyDraftEntity | null, expected: Date | null): void {
    const conflict = (message: string) => new PoliciesException(PoliciesExceptionCode.DRAFT_CONFLICT, message, { field: 'expectedUpdatedAt' });
    if (expected === null) {
      if (current) throw conflict(`Someone else started a draft of this document after you opened it. Reload to see it before saving yours.`);
      return;
    }
    if (!current) throw conflict('This draft was published or discarded after you opened it. Reload to start from the latest version; copy your text first if you need it.');
    if (current.updatedAt.getTime() !== expected.getTime()) {
      throw conflict(
        `This draft was saved elsewhere after you opened it, by another author or by you in another window. Reload to see those changes; copy your text first if you need it.`,
      );
    }
  }

  /** Publishes the draft as the next version; the draft is then gone and the previous version is superseded. */
  async publish(viewer: Viewer, input: PublishPolicyVersionInput): Promise<PolicyVersionEntity> {
    const found = await this.requireDocument(input.documentId);
    await this.requireAuthorOfDocument(viewer, found);
    const version = await this.db.transaction(async (tx) => {
      // Serialises publishers of one document, so two cannot take the same number.
      const document = (await tx.getRepository(PolicyDocumentEntity).findOne({ where: { id: found.id }, lock: { mode: 'pessimistic_write' } })) as PolicyDocumentEntity;
      const draft = await tx.getRepository(PolicyDraftEntity).findOneBy({ documentId: document.id });
      if (!draft) throw new PoliciesException(PoliciesExceptionCode.NO_DRAFT, `"${document.title}" has no draft to publish: save one first.`, { field: 'documentId' });
      const sections = PoliciesService.parseDraft(draft.markdown);
      const versions = await this.versionsByDocumentIds([document.id], tx);
      const latest = versions.at(-1);
      if (latest) {
        const latestSections = await tx.getRepository(PolicySectionEntity).find({ where: { versionId: latest.id }, order: { position: 'ASC' } });
        const same =
          latestSections.length === sections.length &&
          latestSections.every((section, index) => {
            const next = sections[index];
            return next !== undefined && section.anchor === next.anchor && section.level === next.level && section.fingerprint === sectionFingerprint(next);
          });
        if (same) {
          throw new PoliciesException(PoliciesExceptionCode.NOTHING_TO_PUBLISH, `The draft is the same as version ${latest.version}: there is nothing to publish.`, { field: 'documentId' });
        }
      }
      const number = latest ? nextVersion(latest.version, input.bump) : input.bump === 'MAJOR' ? '1.0' : '0.1';
      const [organisation] = await tx.getRepository(OrganisationEntity).findBy({ id: document.organisationId });
      const candidate = { slug: document.slug, title: document.title, organisation: organisation?.slug ?? '', version: number, publishedOn: today() };
      const history = [...versions.map((v) => ({ ...candidate, version: v.version, publishedOn: v.publishedOn })), candidate];
      const problems = validateDocumentHistory(history);
      if (problems.length > 0) {
        throw new PoliciesException(PoliciesExceptionCode.INVALID_HISTORY, problems.map(describePolicyFormatError).join(' '), { field: 'bump' });
      }
      const summaryOfChanges = input.summaryOfChanges.trim();
      const inserted = await insertPolicyVersion(tx, document.id, {
        version: number,
        publishedOn: candidate.publishedOn,
        summaryOfChanges,
        contributors: input.contributors.map((c) => ({ name: c.name.trim(), role: c.role.trim() })),
        licence: input.licence?.trim() ?? latest?.licence ?? (await this.defaultLicence(tx, document, organisation?.name ?? 'the publishing organisation')),
        supersededNotice:
          input.supersededNotice?.trim() ??
          (latest ? `This edition (${number}, ${candidate.publishedOn}) supersedes version ${latest.version} of ${document.title}. ${summaryOfChanges}` : null),
        body: draft.markdown,
        sections,
        publishedBy: viewer.id,
      });
      await tx.getRepository(PolicyDraftEntity).delete({ documentId: document.id });
      // What publishing causes (authors told their cited sections changed) commits with it and is delivered by the worker.
      await this.outbox.add(tx, { kind: 'policy-version-published', payload: { versionId: inserted.id } });
      return inserted;
    });
    this.outbox.nudge();
    return version;
  }

  /** An adaptation acknowledges its source, as the source's licence asks; anything else is the organisation's own. */
  private async defaultLicence(tx: EntityManager, document: PolicyDocumentEntity, organisationName: string): Promise<string> {
    if (!document.adaptedFromVersionId) return `© ${organisationName}. All rights reserved.`;
    const [source] = (await tx.query(
      `SELECT d.title, v.version, v.licence, o.name AS organisation
         FROM policy_versions v JOIN policy_documents d ON d.id = v.document_id JOIN organisations o ON o.id = d.organisation_id
        WHERE v.id = $1`,
      [document.adaptedFromVersionId],
    )) as { title: string; version: string; licence: string; organisation: string }[];
    if (!source) return `© ${organisationName}. All rights reserved.`;
    return `Adapted by ${organisationName} from "${source.title}" version ${source.version} by ${source.organisation}. The source's terms: ${source.licence}`;
  }

  /** Starts a new document of the viewer's organisation from another version; its draft is the source text. */
  async adapt(viewer: Viewer, input: AdaptPolicyDocumentInput): Promise<PolicyDocumentEntity> {
    const ref = parseDocumentVersionRef(input.source);
    if (!ref.ok) throw new PoliciesException(PoliciesExceptionCode.INVALID_REFERENCE, ref.error, { field: 'source' });
    const source = await this.findVersion(ref.ref.slug, ref.ref.version);
    if (!source) {
      throw new PoliciesException(PoliciesExceptionCode.VERSION_NOT_FOUND, `There is no published policy version ${ref.ref.slug}@${ref.ref.version} to adapt.`, { field: 'source' });
    }
    const organisation = await this.requireOrganisation(input.organisationSlug);
    await this.requireAuthor(viewer, organisation);
    return this.creatingDocument(input.slug, async (tx) => {
      await this.requireFreeSlug(tx, input.slug);
      const document = await tx.getRepository(PolicyDocumentEntity).save(
        tx.getRepository(PolicyDocumentEntity).create({
          slug: input.slug,
          title: input.title.trim(),
          organisationId: organisation.id,
          adaptedFromVersionId: source.id,
          createdBy: viewer.id,
        }),
      );
      await tx.getRepository(PolicyDraftEntity).insert({ documentId: document.id, markdown: source.body, updatedBy: viewer.id });
      return document;
    });
  }

  // ---- the corpus ----------------------------------------------------------

  importCorpus(corpus: PolicyCorpus): Promise<PolicyImportReport> {
    return this.db.transaction((tx) => importPolicyCorpusWith(tx, corpus));
  }

  /** The demo corpus shipped with @policy-commons/policies; safe to run on every start. */
  async importBundledCorpus(): Promise<PolicyImportReport> {
    return this.importCorpus(await loadPolicyCorpus());
  }
}
