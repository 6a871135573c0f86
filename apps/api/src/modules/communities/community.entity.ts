import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Never changes once created: CommunitiesService keeps the rows it has read in memory. Whoever
 * adds a way to edit or delete a community must make every process forget its copy.
 */
@Entity({ name: 'communities' })
export class CommunityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'community_members' })
export class CommunityMemberEntity {
  @PrimaryColumn({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;
}

/** Appointed by a site admin; read with the session by the permission policy. */
@Entity({ name: 'community_moderators' })
export class CommunityModeratorEntity {
  @PrimaryColumn({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'appointed_by', type: 'uuid', nullable: true })
  appointedBy: string | null;

  @CreateDateColumn({ name: 'appointed_at', type: 'timestamptz' })
  appointedAt: Date;
}
