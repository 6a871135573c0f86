import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RemovablePostColumns } from '../moderation/removable-post.columns.js';

@Entity({ name: 'comments' })
export class CommentEntity extends RemovablePostColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'question_id', type: 'uuid', nullable: true })
  questionId: string | null;

  @Column({ name: 'answer_id', type: 'uuid', nullable: true })
  answerId: string | null;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The last edit; null for a comment as first posted. */
  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;
}

/** One wording of an edited comment; append-only in the database (migration 1764400000050). */
@Entity({ name: 'comment_revisions' })
export class CommentRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'comment_id', type: 'uuid' })
  commentId: string;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'edited_by', type: 'uuid' })
  editedBy: string;

  @Column({ name: 'edited_at', type: 'timestamptz' })
  editedAt: Date;
}
