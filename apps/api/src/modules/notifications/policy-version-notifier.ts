import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CitationsService } from '../citations/citations.service.js';
import type { OutboxHandler } from '../outbox/outbox-events.js';
import type { PolicyVersionEntity } from '../policies/policy.entity.js';
import { FollowKind } from '../subscriptions/subscriptions.model.js';
import { PoliciesService } from '../policies/policies.service.js';
import { SubscriptionsService } from '../subscriptions/subscriptions.service.js';
import { NotificationKind } from './notification-kind.js';
import { insertNotifications } from './post-activity.js';

/**
 * What a new policy version tells people, in the app:
 * - POLICY_VERSION_PUBLISHED: everyone following the document, with a link to what changed;
 * - CITED_SECTION_CHANGED: the author of each answer citing a section it changed or removed.
 * Never the person who published it: they know. Publishing writes a
 * `policy-version-published` outbox event in its transaction; the worker runs this for
 * it, and the notifications commit with the event's "delivered" mark. Each notification
 * is keyed by version and person or citation, so running it twice inserts nothing twice.
 */
@Injectable()
export class PolicyVersionNotifier implements OutboxHandler<'policy-version-published'> {
  constructor(
    private readonly policies: PoliciesService,
    private readonly citations: CitationsService,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  async handle(tx: EntityManager, { versionId }: { versionId: string }): Promise<void> {
    const [version] = await this.policies.versionsByIds([versionId]);
    // The event commits with its version, and published versions are never deleted.
    if (!version) throw new Error(`policy version ${versionId} does not exist`);
    await this.notifyFollowers(tx, version);
    await this.notifyCitingAuthors(tx, version);
  }

  private async notifyFollowers(tx: EntityManager, version: PolicyVersionEntity): Promise<void> {
    const [[document], versions, followers] = await Promise.all([
      this.policies.documentsByIds([version.documentId]),
      this.policies.versionsByDocumentIds([version.documentId]),
      this.subscriptions.followerIds(FollowKind.POLICY_DOCUMENT, version.documentId),
    ]);
    const recipients = followers.filter((id) => id !== version.publishedBy);
    if (!document || !recipients.length) return;
    const previous = versions.filter((v) => v.major < version.major || (v.major === version.major && v.minor < version.minor)).at(-1);
    const slug = encodeURIComponent(document.slug);
    const path = previous ? `/policies/${slug}/diff?${new URLSearchParams({ from: previous.version, to: version.version }).toString()}` : `/policies/${slug}/${encodeURIComponent(version.version)}`;
    await insertNotifications(
      tx,
      recipients.map((userId) => ({
        userId,
        kind: NotificationKind.POLICY_VERSION_PUBLISHED,
        message: `Version ${version.version} of ${document.title} was published: ${version.summaryOfChanges}`.slice(0, 500),
        path,
        sourceKey: `policy-version:${version.id}:${userId}`,
      })),
    );
  }

  private async notifyCitingAuthors(tx: EntityManager, version: PolicyVersionEntity): Promise<void> {
    // Asked now, not at publication: an answer hidden or edited since then is not notified about.
    const stale = (await this.citations.citationsMadeStaleBy(version.id)).filter((n) => n.answerId && n.authorId !== version.publishedBy);
    if (!stale.length) return;
    const rows = (await tx.query(
      `SELECT c.id AS "citationId", a.id AS "answerId", a.question_id AS "questionId", q.title AS "questionTitle", s.title AS section, d.title AS document
         FROM citations c JOIN answers a ON a.id = c.answer_id JOIN questions q ON q.id = a.question_id
         JOIN policy_sections s ON s.id = c.section_id JOIN policy_versions v ON v.id = c.version_id JOIN policy_documents d ON d.id = v.document_id
        WHERE c.id = ANY($1::uuid[]) AND a.hidden_at IS NULL AND a.deleted_at IS NULL AND q.hidden_at IS NULL AND q.deleted_at IS NULL`,
      [stale.map((n) => n.citationId)],
    )) as { citationId: string; answerId: string; questionId: string; questionTitle: string; section: string; document: string }[];
    const byCitation = new Map(rows.map((r) => [r.citationId, r]));
    await insertNotifications(
      tx,
      stale.flatMap((notice) => {
        const row = byCitation.get(notice.citationId);
        if (!row) return [];
        return [
          {
            userId: notice.authorId,
            kind: NotificationKind.CITED_SECTION_CHANGED,
            message: `“${row.section}” of ${row.document} ${notice.change === 'REMOVED' ? 'was removed' : 'changed'} in version ${version.version}; your answer to “${row.questionTitle}” cites it`,
            path: `/q/${row.questionId}#a-${row.answerId}`,
            sourceKey: `cited-section:${version.id}:${notice.citationId}`,
          },
        ];
      }),
    );
  }
}
