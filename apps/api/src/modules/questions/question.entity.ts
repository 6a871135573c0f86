import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { RemovablePostColumns } from '../moderation/removable-post.columns.js';

/** Why a moderator closed a question (PostgreSQL enum close_reason). */
export enum CloseReason {
  DUPLICATE = 'DUPLICATE',
  OFF_TOPIC = 'OFF_TOPIC',
  NEEDS_DETAILS = 'NEEDS_DETAILS',
}

@Entity({ name: 'questions' })
export class QuestionEntity extends RemovablePostColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'integer', default: 0 })
  score: number;

  @Column({ name: 'view_count', type: 'integer', default: 0 })
  viewCount: number;

  @Column({ name: 'answer_count', type: 'integer', default: 0 })
  answerCount: number;

  @Column({ name: 'accepted_answer_id', type: 'uuid', nullable: true })
  acceptedAnswerId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'last_activity_at', type: 'timestamptz', default: () => 'now()' })
  lastActivityAt: Date;

  // Closing and locking (removal columns: RemovablePostColumns) are written only through
  // QuestionsService.setClosure / setLock, which the moderation module calls.
  @Column({ name: 'closed_reason', type: 'enum', enum: CloseReason, enumName: 'close_reason', nullable: true })
  closedReason: CloseReason | null;

  @Column({ name: 'closed_note', type: 'text', nullable: true })
  closedNote: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;

  @Column({ name: 'duplicate_of_id', type: 'uuid', nullable: true })
  duplicateOfId: string | null;

  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  @Column({ name: 'locked_by', type: 'uuid', nullable: true })
  lockedBy: string | null;
}

@Entity({ name: 'tags' })
export class TagEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  slug: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'question_tags' })
export class QuestionTagEntity {
  @PrimaryColumn({ name: 'question_id', type: 'uuid' })
  questionId: string;

  @PrimaryColumn({ name: 'tag_id', type: 'uuid' })
  tagId: string;

  @Column({ type: 'smallint' })
  position: number;
}
