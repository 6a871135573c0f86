import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A declared role of a person at an organisation: conflicts of interest start here. */
@Entity({ name: 'affiliations' })
export class AffiliationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  role: string;

  @Column({ type: 'smallint' })
  position: number;
}
