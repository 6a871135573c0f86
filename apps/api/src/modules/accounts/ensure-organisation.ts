import type { EntityManager } from 'typeorm';
import { OrganisationEntity } from './organisation.entity.js';

/**
 * The organisation with this slug, created with `name` if it is new; inside the caller's
 * transaction (the policy import, which runs from the command line too, without Nest).
 */
export async function ensureOrganisation(tx: EntityManager, slug: string, name: string): Promise<OrganisationEntity> {
  await tx.query('INSERT INTO organisations (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING', [slug, name]);
  return (await tx.getRepository(OrganisationEntity).findOneBy({ slug })) as OrganisationEntity;
}
