import { createHash } from 'node:crypto';
import { parseVersionNumber, sectionFingerprint, type Contributor, type PolicySection } from '@policy-commons/policies';
import type { EntityManager } from 'typeorm';
import { PolicySectionEntity, PolicyVersionEntity } from './policy.entity.js';

/** What a published version holds, whether it came from a corpus file or from a draft. */
export interface NewPolicyVersion {
  version: string;
  publishedOn: string;
  summaryOfChanges: string;
  contributors: Contributor[];
  licence: string;
  supersededNotice: string | null;
  body: string;
  sections: readonly PolicySection[];
  publishedBy: string | null;
}

/**
 * The hash the corpus import compares: a bundled file that differs from the version
 * already published under its number in any of these is refused, never overwritten.
 */
export function policyVersionContentHash(version: Omit<NewPolicyVersion, 'sections' | 'publishedBy'>): string {
  const canonical = JSON.stringify([
    version.version,
    version.publishedOn,
    version.summaryOfChanges,
    version.contributors.map(({ name, role }) => [name, role]),
    version.licence,
    version.supersededNotice,
    version.body.replace(/\r\n?/g, '\n').trim(),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Inserts a version with its sections; the database refuses any later change to either. */
export async function insertPolicyVersion(tx: EntityManager, documentId: string, version: NewPolicyVersion): Promise<PolicyVersionEntity> {
  const number = parseVersionNumber(version.version);
  if (!number) throw new RangeError(`"${version.version}" is not a version number`);
  const row = await tx.getRepository(PolicyVersionEntity).save(
    tx.getRepository(PolicyVersionEntity).create({
      documentId,
      version: version.version,
      major: number.major,
      minor: number.minor,
      publishedOn: version.publishedOn,
      summaryOfChanges: version.summaryOfChanges,
      contributors: version.contributors.map(({ name, role }) => ({ name, role })),
      licence: version.licence,
      supersededNotice: version.supersededNotice,
      body: version.body,
      contentHash: policyVersionContentHash(version),
      publishedBy: version.publishedBy,
    }),
  );
  if (version.sections.length > 0) {
    await tx.getRepository(PolicySectionEntity).insert(
      version.sections.map((section, position) => ({
        versionId: row.id,
        anchor: section.anchor,
        title: section.title,
        body: section.body,
        level: section.level,
        parentAnchor: section.parentAnchor,
        position,
        fingerprint: sectionFingerprint(section),
      })),
    );
  }
  return row;
}
