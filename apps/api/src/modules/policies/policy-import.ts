import { formatDocumentVersionRef } from '@policy-commons/policies';
import { loadPolicyCorpus, type PolicyCorpus } from '@policy-commons/policies/node';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { dataSourceOptions } from '../../database/data-source-options.js';
import { ensureOrganisation } from '../accounts/ensure-organisation.js';
import { addOutboxEvent } from '../outbox/outbox-events.js';
import { PoliciesException, PoliciesExceptionCode } from './policies.exception.js';
import { PolicyDocumentEntity, PolicyVersionEntity } from './policy.entity.js';
import { insertPolicyVersion, policyVersionContentHash } from './policy-versions.js';

export interface PolicyImportReport {
  documentsCreated: number;
  versionsImported: string[];
  versionsAlreadyPublished: string[];
}

/** "county-council" → "County Council", until someone names the organisation properly. */
function nameFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * Publishes every version of a (validated) corpus that is not published yet. Running it
 * again changes nothing. A file whose text differs from the version already published
 * under its number is a conflict: the whole import is refused and nothing is written,
 * because a published version never changes.
 */
export async function importPolicyCorpusWith(tx: EntityManager, corpus: PolicyCorpus): Promise<PolicyImportReport> {
  // Two processes starting at once (api and worker) would otherwise race on the same inserts.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('policy-corpus-import'))`);
  const report: PolicyImportReport = { documentsCreated: 0, versionsImported: [], versionsAlreadyPublished: [] };
  const conflicts: string[] = [];
  const adaptations: { documentId: string; source: string }[] = [];

  for (const history of corpus.documents) {
    const organisation = await ensureOrganisation(tx, history.organisation, nameFromSlug(history.organisation));
    let document = await tx.getRepository(PolicyDocumentEntity).findOneBy({ slug: history.slug });
    if (document && document.organisationId !== organisation.id) {
      conflicts.push(`${history.slug}: the corpus gives it to organisation "${history.organisation}", but a document with that slug already belongs to another organisation`);
      continue;
    }
    if (!document) {
      document = await tx.getRepository(PolicyDocumentEntity).save(
        tx.getRepository(PolicyDocumentEntity).create({ slug: history.slug, title: history.title, organisationId: organisation.id }),
      );
      report.documentsCreated += 1;
      const adaptedFrom = history.versions.find((version) => version.adaptedFrom)?.adaptedFrom;
      if (adaptedFrom) adaptations.push({ documentId: document.id, source: formatDocumentVersionRef(adaptedFrom) });
    }
    const published = new Map((await tx.getRepository(PolicyVersionEntity).findBy({ documentId: document.id })).map((v) => [v.version, v]));
    for (const file of history.versions) {
      const label = `${history.slug}@${file.version}`;
      const existing = published.get(file.version);
      const content = { ...file, publishedBy: null };
      if (existing) {
        if (existing.contentHash === policyVersionContentHash(content)) {
          report.versionsAlreadyPublished.push(label);
        } else {
          conflicts.push(
            `${label}: the file ${file.file ?? '(unnamed)'} differs from version ${file.version} of "${history.title}" already published ` +
              `(dated ${existing.publishedOn}, stored ${existing.publishedAt.toISOString()}); a published version never changes, so publish the change under a new version number`,
          );
        }
        continue;
      }
      const inserted = await insertPolicyVersion(tx, document.id, content);
      // An imported version is published like any other: its effects go through the outbox (the worker's sweep delivers them).
      await addOutboxEvent(tx, { kind: 'policy-version-published', payload: { versionId: inserted.id } });
      report.versionsImported.push(label);
    }
  }

  for (const { documentId, source } of adaptations) {
    const [slug, version] = source.split('@');
    const rows = (await tx.query(
      'SELECT v.id FROM policy_versions v JOIN policy_documents d ON d.id = v.document_id WHERE d.slug = $1 AND v.version = $2',
      [slug, version],
    )) as { id: string }[];
    if (rows[0]) await tx.query('UPDATE policy_documents SET adapted_from_version_id = $2 WHERE id = $1', [documentId, rows[0].id]);
  }

  if (conflicts.length > 0) {
    throw new PoliciesException(
      PoliciesExceptionCode.IMPORT_CONFLICT,
      `Refused to import the policy corpus at ${corpus.dir}; nothing was written:\n${conflicts.map((c) => `  ${c}`).join('\n')}`,
    );
  }
  return report;
}

/** For `prepare` and the CLI: a short-lived connection, no Nest application needed. */
export async function importPolicyCorpus(config: Pick<AppConfig, 'databaseUrl'>, corpus: PolicyCorpus): Promise<PolicyImportReport> {
  const db = new DataSource(dataSourceOptions({ databaseUrl: config.databaseUrl, logSql: false }));
  await db.initialize();
  try {
    return await db.transaction((tx) => importPolicyCorpusWith(tx, corpus));
  } finally {
    await db.destroy();
  }
}

export function describeImport(report: PolicyImportReport): string {
  return report.versionsImported.length === 0
    ? `Policies: all ${report.versionsAlreadyPublished.length} version(s) already published.`
    : `Policies: imported ${report.versionsImported.join(', ')}${report.versionsAlreadyPublished.length ? `; ${report.versionsAlreadyPublished.length} already published` : ''}.`;
}

/** `npm start` runs this on every start: publishes what is new in the bundled corpus, refuses a changed file. */
export async function importBundledPolicies(config: Pick<AppConfig, 'databaseUrl'>): Promise<string> {
  return describeImport(await importPolicyCorpus(config, await loadPolicyCorpus()));
}
