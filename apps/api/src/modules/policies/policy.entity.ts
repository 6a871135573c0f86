import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Contributor } from '@policy-commons/policies';

/** A named policy owned by an organisation; its text lives in its versions. */
@Entity({ name: 'policy_documents' })
export class PolicyDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'adapted_from_version_id', type: 'uuid', nullable: true })
  adaptedFromVersionId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** One published version. Rows are immutable (database triggers). */
@Entity({ name: 'policy_versions' })
export class PolicyVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  /** MAJOR.MINOR */
  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'integer' })
  major: number;

  @Column({ type: 'integer' })
  minor: number;

  /** YYYY-MM-DD */
  @Column({ name: 'published_on', type: 'date' })
  publishedOn: string;

  @Column({ name: 'summary_of_changes', type: 'text' })
  summaryOfChanges: string;

  @Column({ type: 'jsonb' })
  contributors: Contributor[];

  @Column({ type: 'text' })
  licence: string;

  @Column({ name: 'superseded_notice', type: 'text', nullable: true })
  supersededNotice: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;
}

/** A citable part of a version. Rows are immutable (database triggers). */
@Entity({ name: 'policy_sections' })
export class PolicySectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ type: 'text' })
  anchor: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'smallint' })
  level: number;

  @Column({ name: 'parent_anchor', type: 'text', nullable: true })
  parentAnchor: string | null;

  @Column({ type: 'integer' })
  position: number;

  /** sectionFingerprint() from the policies package: status checks compare these. */
  @Column({ type: 'text' })
  fingerprint: string;
}

/** The one editable draft of a document: Markdown whose headings are the sections. */
@Entity({ name: 'policy_drafts' })
export class PolicyDraftEntity {
  @PrimaryColumn({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ type: 'text' })
  markdown: string;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
