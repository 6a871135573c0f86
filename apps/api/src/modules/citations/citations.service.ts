import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatCitationReference, parseCitationReference, parsePolicyBody, sectionFingerprint } from '@policy-commons/policies';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../common/request-context.js';
import type { AnswerEntity } from '../answers/answer.entity.js';
import { AnswersService } from '../answers/answers.service.js';
import { rewriteReferences } from './rewrite-references.js';
import { CitationStatus } from './citation.model.js';
import { CitationsException, CitationsExceptionCode } from './citations.exception.js';

/** A stored citation with what it points at and how that section fared in the latest version. */
export interface CitationRow {
  id: string;
  questionId: string | null;
  answerId: string | null;
  versionId: string;
  sectionId: string;
  documentId: string;
  reference: string;
  anchor: string;
  fingerprint: string;
  latestVersionId: string;
  latestReference: string | null;
  status: CitationStatus;
  /** The first version after the cited one whose section differs from (or lacks) the cited text; null while none does. */
  changedInVersionId: string | null;
  documentSlug: string;
  documentTitle: string;
  version: string;
  latestVersion: string;
  changedInVersion: string | null;
  sectionTitle: string;
}

/** One citation a new version made stale: what the digests tell the citing post's author. */
export interface StaleCitationNotice {
  citationId: string;
  questionId: string | null;
  answerId: string | null;
  /** The author of the citing answer (or question). */
  authorId: string;
  reference: string;
  change: 'CHANGED' | 'REMOVED';
}

// Status against the latest version of the cited document, from stored section fingerprints,
// so a whole page of citations costs one statement.
const CITATION_COLUMNS = `
         c.id, c.question_id AS "questionId", c.answer_id AS "answerId", c.version_id AS "versionId",
         c.section_id AS "sectionId", v.document_id AS "documentId", c.reference, s.anchor, s.fingerprint,
         lv.id AS "latestVersionId",
         CASE WHEN lv.id <> v.id AND ls.id IS NOT NULL THEN 'policy:' || d.slug || '@' || lv.version || '#' || s.anchor END AS "latestReference",
         CASE WHEN lv.id = v.id THEN 'CURRENT'
              WHEN ls.id IS NULL THEN 'REMOVED'
              WHEN ls.fingerprint = s.fingerprint THEN 'UNCHANGED'
              ELSE 'CHANGED' END AS status,
         fc.id AS "changedInVersionId",
         d.slug AS "documentSlug", d.title AS "documentTitle", v.version, lv.version AS "latestVersion", fc.version AS "changedInVersion", s.title AS "sectionTitle"`;

const CITATION_SOURCES = `
    FROM citations c
    JOIN policy_versions v ON v.id = c.version_id
    JOIN policy_documents d ON d.id = v.document_id
    JOIN policy_sections s ON s.id = c.section_id
    JOIN LATERAL (
      SELECT l.id, l.version FROM policy_versions l WHERE l.document_id = v.document_id ORDER BY l.major DESC, l.minor DESC LIMIT 1
    ) lv ON true
    LEFT JOIN policy_sections ls ON ls.version_id = lv.id AND ls.anchor = s.anchor
    LEFT JOIN LATERAL (
      SELECT cv.id, cv.version FROM policy_versions cv
        LEFT JOIN policy_sections cs ON cs.version_id = cv.id AND cs.anchor = s.anchor
       WHERE lv.id <> v.id AND cv.document_id = v.document_id AND (cv.major, cv.minor) > (v.major, v.minor)
         AND (cs.id IS NULL OR cs.fingerprint <> s.fingerprint)
       ORDER BY cv.major, cv.minor LIMIT 1
    ) fc ON true`;

const CITATION_ROWS = `SELECT ${CITATION_COLUMNS} ${CITATION_SOURCES}`;

/** The same test as status CHANGED or REMOVED, for a WHERE clause. */
const IS_STALE = `(lv.id <> v.id AND (ls.id IS NULL OR ls.fingerprint <> s.fingerprint))`;

/** The citing post (pa: its answer, if any; pq: its question) is neither hidden nor deleted. */
const VISIBLE_POST = `(pa.id IS NULL OR (pa.hidden_at IS NULL AND pa.deleted_at IS NULL)) AND pq.hidden_at IS NULL AND pq.deleted_at IS NULL`;

/** How many references one preview may ask about: more than a post cites (20 are shown), far fewer than a script would like. */
export const MAX_PREVIEWED_REFERENCES = 50;

/** A reference an editor asks about: what it would cite, or why it cannot be cited. */
export type CitationPreview = { reference: string; citation: CitationRow; problem: null } | { reference: string; citation: null; problem: string };

@Injectable()
export class CitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly answers: AnswersService,
  ) {}

  /** The posts' citations in order; with `perPost`, at most that many for each post (for pages), else all (for edits). */
  private async rows(postColumn: 'question_id' | 'answer_id', ids: readonly string[], perPost?: number): Promise<CitationRow[]> {
    if (perPost === undefined) {
      return (await this.db.query(`${CITATION_ROWS} WHERE c.${postColumn} = ANY($1::uuid[]) ORDER BY c.position, c.created_at, c.id`, [[...ids]])) as CitationRow[];
    }
    return (await this.db.query(
      `SELECT * FROM (
         SELECT ${CITATION_COLUMNS}, row_number() OVER (PARTITION BY c.${postColumn} ORDER BY c.position, c.created_at, c.id) AS rank ${CITATION_SOURCES}
          WHERE c.${postColumn} = ANY($1::uuid[])
       ) ranked WHERE rank <= $2 ORDER BY rank`,
      [[...ids], perPost],
    )) as CitationRow[];
  }

  /** At most `perPost` citations of each post, in order: questions' and answers' in one statement (a question page's). */
  async forPosts(questionIds: readonly string[], answerIds: readonly string[], perPost: number): Promise<CitationRow[]> {
    return (await this.db.query(
      `SELECT * FROM (
         SELECT ${CITATION_COLUMNS}, row_number() OVER (PARTITION BY coalesce(c.question_id, c.answer_id) ORDER BY c.position, c.created_at, c.id) AS rank ${CITATION_SOURCES}
          WHERE c.question_id = ANY($1::uuid[]) OR c.answer_id = ANY($2::uuid[])
       ) ranked WHERE rank <= $3 ORDER BY rank`,
      [[...questionIds], [...answerIds], perPost],
    )) as CitationRow[];
  }

  /**
   * What each reference would cite if the post were saved now, with the status a saved
   * citation would have, or the reason it would be refused (the words the save would use).
   * One statement for the whole list; the resolving mirrors CitationRecorder's.
   */
  async preview(references: readonly string[]): Promise<CitationPreview[]> {
    if (references.length > MAX_PREVIEWED_REFERENCES) {
      throw new CitationsException(CitationsExceptionCode.TOO_MANY_REFERENCES, `Ask about at most ${MAX_PREVIEWED_REFERENCES} references at a time.`, { field: 'references' });
    }
    const parsed = references.map((reference) => ({ reference, parsed: parseCitationReference(reference) }));
    const wellFormed = parsed.flatMap(({ parsed: p }, i) => (p.ok ? [{ i, ...p.reference }] : []));
    const rows = wellFormed.length
      ? ((await this.db.query(
          `SELECT r.i::int AS i, d.id AS "documentId", d.slug AS "documentSlug", d.title AS "documentTitle", v.id AS "versionId", v.version,
                  s.id AS "sectionId", s.anchor, s.title AS "sectionTitle", s.fingerprint,
                  lv.id AS "latestVersionId", lv.version AS "latestVersion",
                  CASE WHEN lv.id <> v.id AND ls.id IS NOT NULL THEN 'policy:' || d.slug || '@' || lv.version || '#' || s.anchor END AS "latestReference",
                  CASE WHEN lv.id = v.id THEN 'CURRENT' WHEN ls.id IS NULL THEN 'REMOVED' WHEN ls.fingerprint = s.fingerprint THEN 'UNCHANGED' ELSE 'CHANGED' END AS status,
                  fc.id AS "changedInVersionId", fc.version AS "changedInVersion"
             FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS r(i, slug, version, anchor)
             LEFT JOIN policy_documents d ON d.slug = r.slug
             LEFT JOIN policy_versions v ON v.document_id = d.id AND v.version = r.version
             LEFT JOIN policy_sections s ON s.version_id = v.id AND s.anchor = r.anchor
             LEFT JOIN LATERAL (
               SELECT l.id, l.version FROM policy_versions l WHERE l.document_id = v.document_id ORDER BY l.major DESC, l.minor DESC LIMIT 1
             ) lv ON s.id IS NOT NULL
             LEFT JOIN policy_sections ls ON ls.version_id = lv.id AND ls.anchor = s.anchor
             LEFT JOIN LATERAL (
               SELECT cv.id, cv.version FROM policy_versions cv
                 LEFT JOIN policy_sections cs ON cs.version_id = cv.id AND cs.anchor = s.anchor
                WHERE lv.id <> v.id AND cv.document_id = v.document_id AND (cv.major, cv.minor) > (v.major, v.minor)
                  AND (cs.id IS NULL OR cs.fingerprint <> s.fingerprint)
                ORDER BY cv.major, cv.minor LIMIT 1
             ) fc ON s.id IS NOT NULL`,
          [wellFormed.map((r) => r.i), wellFormed.map((r) => r.slug), wellFormed.map((r) => r.version), wellFormed.map((r) => r.anchor)],
        )) as (Omit<CitationRow, 'id' | 'questionId' | 'answerId' | 'reference'> & { i: number; documentId: string | null; versionId: string | null; sectionId: string | null })[])
      : [];
    const byIndex = new Map(rows.map((row) => [row.i, row]));
    return parsed.map(({ reference, parsed: p }, i): CitationPreview => {
      if (!p.ok) return { reference, citation: null, problem: `This is not a policy citation: ${p.error}.` };
      const { slug, version, anchor } = p.reference;
      const row = byIndex.get(i);
      if (!row?.documentId) return { reference, citation: null, problem: `There is no policy document "${slug}".` };
      if (!row.versionId) return { reference, citation: null, problem: `"${row.documentTitle}" has no published version ${version}.` };
      if (!row.sectionId) return { reference, citation: null, problem: `Version ${version} of "${row.documentTitle}" has no section "${anchor}".` };
      const formatted = formatCitationReference(p.reference);
      // Not a stored citation: the id only has to be stable for the same reference, for client caches.
      return { reference, citation: { ...row, id: `preview:${formatted}`, reference: formatted, questionId: null, answerId: null } as CitationRow, problem: null };
    });
  }

  forQuestions(ids: readonly string[], perPost?: number): Promise<CitationRow[]> {
    return this.rows('question_id', ids, perPost);
  }

  forAnswers(ids: readonly string[], perPost?: number): Promise<CitationRow[]> {
    return this.rows('answer_id', ids, perPost);
  }

  /**
   * Citations of any version of the documents, the newest posts first; with `perDocument`,
   * at most that many for each document, and only stale ones with `staleOnly`. Posts that
   * were hidden or deleted (or belong to such a question) no longer count as citing anything.
   */
  async forDocuments(documentIds: readonly string[], options: { perDocument?: number; staleOnly?: boolean } = {}): Promise<CitationRow[]> {
    return (await this.db.query(
      `SELECT * FROM (
         SELECT ${CITATION_COLUMNS}, row_number() OVER (PARTITION BY v.document_id ORDER BY c.created_at DESC, c.position, c.id) AS rank
           ${CITATION_SOURCES}
           LEFT JOIN answers pa ON pa.id = c.answer_id
           JOIN questions pq ON pq.id = coalesce(c.question_id, pa.question_id)
          WHERE v.document_id = ANY($1::uuid[]) AND ${VISIBLE_POST} ${options.staleOnly ? `AND ${IS_STALE}` : ''}
       ) ranked WHERE $2::int IS NULL OR rank <= $2::int ORDER BY rank`,
      [[...documentIds], options.perDocument ?? null],
    )) as CitationRow[];
  }

  /**
   * Citations that publishing this draft would make stale: those not stale yet whose
   * section the draft rewords or drops.
   */
  async draftImpact(documentId: string, markdown: string): Promise<{ citation: CitationRow; change: 'CHANGED' | 'REMOVED' }[]> {
    const parsed = parsePolicyBody(markdown);
    const draftFingerprints = new Map(parsed.sections.map((section) => [section.anchor, sectionFingerprint(section)]));
    const citations = await this.forDocuments([documentId]);
    return citations
      .filter((c) => c.status === CitationStatus.CURRENT || c.status === CitationStatus.UNCHANGED)
      .flatMap((citation): { citation: CitationRow; change: 'CHANGED' | 'REMOVED' }[] => {
        const fingerprint = draftFingerprints.get(citation.anchor);
        if (fingerprint === undefined) return [{ citation, change: 'REMOVED' as const }];
        return fingerprint === citation.fingerprint ? [] : [{ citation, change: 'CHANGED' as const }];
      });
  }

  /**
   * For notifications: the citations this newly published version made stale, i.e. whose
   * section was the same in the version before it and is changed or gone in this one.
   * Citations that were already stale are not repeated.
   */
  async citationsMadeStaleBy(versionId: string): Promise<StaleCitationNotice[]> {
    return (await this.db.query(
      `WITH nv AS (SELECT id, document_id, major, minor FROM policy_versions WHERE id = $1),
            prev AS (
              SELECT p.id FROM policy_versions p JOIN nv ON p.document_id = nv.document_id AND (p.major, p.minor) < (nv.major, nv.minor)
               ORDER BY p.major DESC, p.minor DESC LIMIT 1)
       SELECT c.id AS "citationId", c.question_id AS "questionId", c.answer_id AS "answerId",
              coalesce(a.author_id, q.author_id) AS "authorId", c.reference,
              CASE WHEN ns.id IS NULL THEN 'REMOVED' ELSE 'CHANGED' END AS change
         FROM citations c
         JOIN policy_sections s ON s.id = c.section_id
         JOIN policy_versions v ON v.id = c.version_id
         JOIN nv ON nv.document_id = v.document_id AND (v.major, v.minor) < (nv.major, nv.minor)
         JOIN prev ON true
         JOIN policy_sections ps ON ps.version_id = prev.id AND ps.anchor = s.anchor AND ps.fingerprint = s.fingerprint
         LEFT JOIN policy_sections ns ON ns.version_id = nv.id AND ns.anchor = s.anchor
         LEFT JOIN answers a ON a.id = c.answer_id
         LEFT JOIN questions q ON q.id = c.question_id
         LEFT JOIN answers pa ON pa.id = c.answer_id
         JOIN questions pq ON pq.id = coalesce(c.question_id, pa.question_id)
        WHERE (ns.id IS NULL OR ns.fingerprint <> s.fingerprint) AND ${VISIBLE_POST}
        ORDER BY c.created_at, c.id`,
      [versionId],
    )) as StaleCitationNotice[];
  }

  /**
   * Moves one citation of an answer to the latest version of its document by rewriting the
   * reference in the answer's Markdown; saved as an ordinary edit, so it is in the history.
   */
  async updateToLatest(viewer: Viewer, answerId: string, reference: string): Promise<AnswerEntity> {
    const answer = await this.answers.require(answerId);
    // Permission first: someone who may not edit the answer learns nothing about its citations.
    await this.answers.authorizeEdit(viewer, answer);
    const parsed = parseCitationReference(reference);
    if (!parsed.ok) throw new CitationsException(CitationsExceptionCode.MALFORMED_REFERENCE, parsed.error, { field: 'reference' });
    const canonical = formatCitationReference(parsed.reference);
    const citation = (await this.forAnswers([answer.id])).find((c) => c.reference === canonical);
    if (!citation) throw new CitationsException(CitationsExceptionCode.NOT_CITED, `This answer does not cite ${canonical}.`, { field: 'reference' });
    if (citation.status === CitationStatus.CURRENT) {
      throw new CitationsException(CitationsExceptionCode.ALREADY_CURRENT, `${canonical} already cites the latest version.`, { field: 'reference' });
    }
    if (citation.status === CitationStatus.REMOVED || !citation.latestReference) {
      throw new CitationsException(
        CitationsExceptionCode.SECTION_REMOVED,
        `The latest version no longer has the section "${parsed.reference.anchor}", so ${canonical} cannot be moved to it: edit the answer to cite another section.`,
        { field: 'reference' },
      );
    }
    return this.answers.edit(viewer, { answerId: answer.id, body: rewriteReferences(answer.body, new Map([[canonical, citation.latestReference]])) });
  }

  /** Moves every citation of an answer whose section still exists in the latest version; removed sections stay as they are. */
  async refreshAll(viewer: Viewer, answerId: string): Promise<AnswerEntity> {
    const answer = await this.answers.require(answerId);
    await this.answers.authorizeEdit(viewer, answer);
    const movable = (await this.forAnswers([answer.id])).filter(
      (c): c is CitationRow & { latestReference: string } => c.status !== CitationStatus.CURRENT && c.latestReference !== null,
    );
    if (movable.length === 0) {
      throw new CitationsException(CitationsExceptionCode.ALREADY_CURRENT, 'Every citation in this answer that can be moved already cites the latest version.', {
        field: 'answerId',
      });
    }
    return this.answers.edit(viewer, { answerId: answer.id, body: rewriteReferences(answer.body, new Map(movable.map((c) => [c.reference, c.latestReference]))) });
  }
}
