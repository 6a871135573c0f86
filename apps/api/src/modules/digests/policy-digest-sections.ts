import { citationLabel } from '@policy-commons/policies';
import { sqlSection, type DigestSection } from './digest-content.js';

interface PolicyVersionRow {
  slug: string;
  title: string;
  version: string;
  summary: string;
  first: boolean;
  previousVersion: string | null;
  sections: { title: string; change: 'added' | 'removed' | 'changed' }[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Versions of followed policy documents published in the window, with what changed since the version before. */
export const policyVersionsSection = sqlSection({
  key: 'policy-versions',
  order: 30,
  sql: `SELECT d.slug, d.title, v.version, v.summary_of_changes AS summary, (prev.id IS NULL) AS first, prev.version AS "previousVersion", ch.sections
          FROM follows f
          JOIN policy_documents d ON d.id = f.target_id
          JOIN policy_versions v ON v.document_id = d.id
          LEFT JOIN LATERAL (SELECT p.id, p.version FROM policy_versions p
                              WHERE p.document_id = v.document_id AND (p.major, p.minor) < (v.major, v.minor)
                              ORDER BY p.major DESC, p.minor DESC LIMIT 1) prev ON true
          CROSS JOIN LATERAL (
            SELECT coalesce(json_agg(json_build_object('title', coalesce(n.title, o.title),
                     'change', CASE WHEN o.id IS NULL THEN 'added' WHEN n.id IS NULL THEN 'removed' ELSE 'changed' END)
                     ORDER BY coalesce(n.position, o.position)), '[]'::json) AS sections
              FROM (SELECT id, anchor, title, fingerprint, position FROM policy_sections WHERE version_id = v.id) n
              FULL JOIN (SELECT id, anchor, title, fingerprint, position FROM policy_sections WHERE version_id = prev.id) o ON o.anchor = n.anchor
             WHERE prev.id IS NOT NULL AND (o.id IS NULL OR n.id IS NULL OR o.fingerprint <> n.fingerprint)) ch
         WHERE f.user_id = :userId AND f.kind = 'POLICY_DOCUMENT' AND v.published_at > :since AND v.published_at <= :until
         ORDER BY v.published_at, d.slug`,
  build(raw): DigestSection | null {
    const rows = raw as unknown as PolicyVersionRow[];
    if (!rows.length) return null;
    return {
      key: 'policy-versions',
      heading: 'New versions of policy documents you follow',
      summary: plural(rows.length, 'new policy version', 'new policy versions'),
      items: rows.map((r) => {
        const changes = (['changed', 'added', 'removed'] as const)
          .map((kind) => {
            const titles = r.sections.filter((s) => s.change === kind).map((s) => s.title);
            return titles.length ? `${kind}: ${titles.join(', ')}` : '';
          })
          .filter(Boolean);
        return {
          title: `${r.title} ${r.version}`,
          // Straight to what changed; the first version has nothing before it to compare.
          path: r.previousVersion
            ? `/policies/${encodeURIComponent(r.slug)}/diff?${new URLSearchParams({ from: r.previousVersion, to: r.version }).toString()}`
            : `/policies/${encodeURIComponent(r.slug)}/${encodeURIComponent(r.version)}`,
          detail: [r.summary, r.first ? 'first published version' : changes.join('; ')].filter(Boolean).join(' — '),
        };
      }),
      more: [],
    };
  },
});

interface StaleCitationRow {
  answerId: string;
  questionId: string;
  questionTitle: string;
  document: string;
  section: string;
  citedVersion: string;
  version: string;
  change: 'changed' | 'removed';
}

/**
 * The subscriber's answers whose citations a version published in the window made stale
 * (changed or removed the cited section), not those a version before the window had
 * already made stale.
 */
export const staleCitationsSection = sqlSection({
  key: 'stale-citations',
  order: 40,
  sql: `SELECT * FROM (
          SELECT DISTINCT ON (c.id) a.id AS "answerId", q.id AS "questionId", q.title AS "questionTitle", d.title AS document,
                 s.title AS section, cv.version AS "citedVersion", nv.version, CASE WHEN ns.id IS NULL THEN 'removed' ELSE 'changed' END AS change, c.created_at, c.id
            FROM answers a
            JOIN questions q ON q.id = a.question_id
            JOIN citations c ON c.answer_id = a.id
            JOIN policy_sections s ON s.id = c.section_id
            JOIN policy_versions cv ON cv.id = c.version_id
            JOIN policy_documents d ON d.id = cv.document_id
            JOIN policy_versions nv ON nv.document_id = cv.document_id AND (nv.major, nv.minor) > (cv.major, cv.minor)
                                   AND nv.published_at > :since AND nv.published_at <= :until
            LEFT JOIN policy_sections ns ON ns.version_id = nv.id AND ns.anchor = s.anchor
           WHERE a.author_id = :userId AND (ns.id IS NULL OR ns.fingerprint <> s.fingerprint)
             AND a.deleted_at IS NULL AND a.hidden_at IS NULL AND q.deleted_at IS NULL AND q.hidden_at IS NULL
             AND NOT EXISTS (
               SELECT 1 FROM policy_versions ov LEFT JOIN policy_sections os ON os.version_id = ov.id AND os.anchor = s.anchor
                WHERE ov.document_id = cv.document_id AND (ov.major, ov.minor) > (cv.major, cv.minor) AND ov.published_at <= :since
                  AND (os.id IS NULL OR os.fingerprint <> s.fingerprint))
           ORDER BY c.id, nv.major DESC, nv.minor DESC) stale
        ORDER BY created_at, id`,
  build(raw): DigestSection | null {
    const rows = raw as unknown as StaleCitationRow[];
    if (!rows.length) return null;
    return {
      key: 'stale-citations',
      heading: 'Your answers whose citations became stale',
      summary: plural(rows.length, 'stale citation', 'stale citations'),
      items: rows.map((r) => ({
        title: r.questionTitle,
        path: `/q/${r.questionId}#a-${r.answerId}`,
        // Named as a citation chip names it on the site: document, cited version, section.
        detail: `cites ${citationLabel({ documentTitle: r.document, version: r.citedVersion, sectionTitle: r.section })}, ${r.change} in version ${r.version}`,
      })),
      more: [],
    };
  },
});
