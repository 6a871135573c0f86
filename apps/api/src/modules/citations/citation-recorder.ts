import { Injectable } from '@nestjs/common';
import { formatCitationReference, scanCitationReferences } from '@policy-commons/policies';
import type { EntityManager } from 'typeorm';
import { CitationEntity } from './citation.entity.js';
import { CitationsException, CitationsExceptionCode } from './citations.exception.js';

interface ResolvedReference {
  reference: string;
  versionId: string;
  sectionId: string;
}

/**
 * Checks and records what a question or answer cites, inside the post's own save
 * transaction. The questions and answers services call it directly: it depends on no
 * forum module (only on the policy and citation tables), so they can, and a bad
 * reference must refuse the save, so it cannot wait for an after-commit event.
 */
@Injectable()
export class CitationRecorder {
  /** Every policy: reference in a post must be well formed and name a published section. */
  private async validate(tx: EntityManager, body: string): Promise<ResolvedReference[]> {
    const { references, problems } = scanCitationReferences(body);
    const malformed = problems[0];
    if (malformed) {
      throw new CitationsException(CitationsExceptionCode.MALFORMED_REFERENCE, `"${malformed.raw}" is not a valid policy citation: ${malformed.error}.`, { field: 'body' });
    }
    if (references.length === 0) return [];
    const refs = references.map((found) => found.reference);
    const rows = (await tx.query(
      `SELECT r.i::int AS i, d.id AS "documentId", d.title, v.id AS "versionId", s.id AS "sectionId"
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS r(slug, version, anchor, i)
         LEFT JOIN policy_documents d ON d.slug = r.slug
         LEFT JOIN policy_versions v ON v.document_id = d.id AND v.version = r.version
         LEFT JOIN policy_sections s ON s.version_id = v.id AND s.anchor = r.anchor
        ORDER BY r.i`,
      [refs.map((r) => r.slug), refs.map((r) => r.version), refs.map((r) => r.anchor)],
    )) as { i: number; documentId: string | null; title: string | null; versionId: string | null; sectionId: string | null }[];
    const unresolved: string[] = [];
    const resolved: ResolvedReference[] = [];
    rows.forEach((row, index) => {
      const found = references[index];
      if (!found) return;
      const { slug, version, anchor } = found.reference;
      if (!row.documentId) unresolved.push(`"${found.raw}" does not resolve: there is no policy document "${slug}"`);
      else if (!row.versionId) unresolved.push(`"${found.raw}" does not resolve: "${row.title}" has no published version ${version}`);
      else if (!row.sectionId) unresolved.push(`"${found.raw}" does not resolve: version ${version} of "${row.title}" has no section "${anchor}"`);
      else resolved.push({ reference: formatCitationReference(found.reference), versionId: row.versionId, sectionId: row.sectionId });
    });
    if (unresolved.length > 0) {
      throw new CitationsException(CitationsExceptionCode.UNRESOLVED_REFERENCE, `${unresolved.join('; ')}.`, { field: 'body' });
    }
    return resolved;
  }

  /**
   * Replaces a post's citations with what its body cites now. Runs in the post's save
   * transaction and throws (BAD_USER_INPUT on `body`) when a reference is malformed or
   * does not resolve, which rolls the whole save back: the check and the rows are one step.
   */
  async record(tx: EntityManager, post: { questionId?: string; answerId?: string }, body: string, isNewPost = false): Promise<void> {
    const resolved = await this.validate(tx, body);
    if (!post.questionId && !post.answerId) return;
    // A post written in this transaction has no citations to replace yet.
    if (!isNewPost && post.questionId) await tx.getRepository(CitationEntity).delete({ questionId: post.questionId });
    else if (!isNewPost && post.answerId) await tx.getRepository(CitationEntity).delete({ answerId: post.answerId });
    const seen = new Set<string>();
    const rows = resolved
      .filter((r) => (seen.has(r.reference) ? false : (seen.add(r.reference), true)))
      .map((r, position) => ({ questionId: post.questionId ?? null, answerId: post.answerId ?? null, versionId: r.versionId, sectionId: r.sectionId, reference: r.reference, position }));
    if (rows.length > 0) await tx.getRepository(CitationEntity).insert(rows);
  }
}
