import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A post's reference to one section of one published version; rewritten on every save of the post. */
@Entity({ name: 'citations' })
export class CitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'question_id', type: 'uuid', nullable: true })
  questionId: string | null;

  @Column({ name: 'answer_id', type: 'uuid', nullable: true })
  answerId: string | null;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ name: 'section_id', type: 'uuid' })
  sectionId: string;

  /** policy:<slug>@<version>#<anchor> */
  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
