import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationRole } from '../access/access.policy.js';

export enum RoleRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

/** A role someone holds at an organisation because an admin granted it. */
@Entity({ name: 'organisation_memberships' })
export class OrganisationMembershipEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'enum', enum: OrganisationRole, enumName: 'organisation_role' })
  role: OrganisationRole;

  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy: string | null;

  @Column({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;
}

@Entity({ name: 'organisation_role_requests' })
export class OrganisationRoleRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'enum', enum: OrganisationRole, enumName: 'organisation_role' })
  role: OrganisationRole;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'enum', enum: RoleRequestStatus, enumName: 'role_request_status', default: RoleRequestStatus.PENDING })
  status: RoleRequestStatus;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** Append-only (a trigger refuses UPDATE and DELETE). */
@Entity({ name: 'organisation_role_changes' })
export class OrganisationRoleChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** Null: the system (a migration, the demo seed). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'from_role', type: 'enum', enum: OrganisationRole, enumName: 'organisation_role', nullable: true })
  fromRole: OrganisationRole | null;

  /** Null: revoked. */
  @Column({ name: 'to_role', type: 'enum', enum: OrganisationRole, enumName: 'organisation_role', nullable: true })
  toRole: OrganisationRole | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
