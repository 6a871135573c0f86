import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One published state of a question or an answer. Rows are append-only (database trigger). */
@Entity({ name: 'post_revisions' })
export class PostRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'question_id', type: 'uuid', nullable: true })
  questionId: string | null;

  @Column({ name: 'answer_id', type: 'uuid', nullable: true })
  answerId: string | null;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', array: true, nullable: true })
  tags: string[] | null;

  @Column({ name: 'edited_by', type: 'uuid' })
  editedBy: string;

  @Column({ name: 'edited_at', type: 'timestamptz', default: () => 'now()' })
  editedAt: Date;
}
