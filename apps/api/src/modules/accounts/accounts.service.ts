import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { RateLimiter } from '../../common/rate-limiter.js';
import { isUuid } from '../../common/ids.js';
import type { Viewer } from '../../common/request-context.js';
import type { OrganisationRole } from '../access/access.policy.js';
import { AccountsException, AccountsExceptionCode } from './accounts.exception.js';
import { AffiliationEntity } from './affiliation.entity.js';
import type { AffiliationInput, SignInInput, SignUpInput } from './dto/accounts.input.js';
import { OrganisationEntity } from './organisation.entity.js';
import { hashPassword, passwordMatches } from './passwords.js';
import { SESSION_DAYS } from './session-cookie.js';
import { SessionEntity } from './session.entity.js';
import { UserEntity, UserRole } from './user.entity.js';

export interface SignedIn {
  user: UserEntity;
  token: string;
}

export interface AffiliationRow {
  userId: string;
  role: string;
  organisation: OrganisationEntity;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const normaliseEmail = (email: string) => email.trim().toLowerCase();

@Injectable()
export class AccountsService {
  // Verified against when no account matches, so a wrong email costs as long as a wrong password.
  private decoyHash: Promise<string> | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async signUp(input: SignUpInput, role: UserRole = UserRole.MEMBER): Promise<SignedIn> {
    const email = normaliseEmail(input.email);
    const users = this.db.getRepository(UserEntity);
    if (await users.existsBy({ email })) {
      throw new AccountsException(AccountsExceptionCode.EMAIL_TAKEN, 'An account with that email address already exists. Sign in instead.', { field: 'email' });
    }
    const passwordHash = await hashPassword(input.password);
    try {
      const user = await users.save(users.create({ email, displayName: input.displayName.trim(), passwordHash, role }));
      return { user, token: await this.startSession(user.id) };
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new AccountsException(AccountsExceptionCode.EMAIL_TAKEN, 'An account with that email address already exists. Sign in instead.', { field: 'email' });
      }
      throw error;
    }
  }

  async signIn(input: SignInInput, clientAddress: string): Promise<SignedIn> {
    const email = normaliseEmail(input.email);
    await this.rateLimiter.hit(`sign-in:${email}`, 10, 15 * 60, 'Too many sign-in attempts for this account. Wait a few minutes and try again.');
    await this.rateLimiter.hit(`sign-in-ip:${clientAddress}`, 50, 15 * 60, 'Too many sign-in attempts from your network. Wait a few minutes and try again.');
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
    const matches = user ? await passwordMatches(user.passwordHash, input.password) : await passwordMatches(await this.decoy(), input.password);
    if (!user || !matches) {
      // One message for both cases: sign-in never reveals whether an email has an account.
      throw new AccountsException(AccountsExceptionCode.WRONG_CREDENTIALS, 'That email and password do not match an account.');
    }
    await this.rateLimiter.reset(`sign-in:${email}`);
    return { user, token: await this.startSession(user.id) };
  }

  async signOut(viewer: Viewer): Promise<void> {
    await this.db.getRepository(SessionEntity).delete({ id: viewer.sessionId });
  }

  /**
   * Resolves a session token to the signed-in person and the rights they were granted
   * (organisation roles, communities they moderate, suspension), in one statement, or null
   * when the token is unknown or expired. Erased accounts have no sessions.
   */
  async viewerForToken(token: string | undefined): Promise<Viewer | null> {
    if (!token || token.length > 200) return null;
    return this.loadViewer((qb) =>
      qb
        .addSelect('s.id', 'sessionId')
        .innerJoin(SessionEntity, 's', 's.user_id = u.id')
        .where('s.token_hash = :hash AND s.expires_at > now()', { hash: hashToken(token) }),
    );
  }

  /** The same actor without a session, for the CLI and the demo seed acting as a person. */
  async viewerForUser(userId: string): Promise<Viewer | null> {
    if (!isUuid(userId)) return null;
    return this.loadViewer((qb) => qb.addSelect(`''`, 'sessionId').where('u.id = :userId', { userId }));
  }

  private async loadViewer(scope: (qb: SelectQueryBuilder<ObjectLiteral>) => SelectQueryBuilder<ObjectLiteral>): Promise<Viewer | null> {
    const qb = this.db
      .createQueryBuilder()
      .select(['u.id AS "id"', 'u.role AS "siteRole"', 'u.suspended_until AS "suspendedUntil"'])
      .addSelect(
        `(SELECT coalesce(jsonb_object_agg(m.organisation_id, m.role), '{}'::jsonb) FROM organisation_memberships m WHERE m.user_id = u.id)`,
        'organisationRoles',
      )
      .addSelect(`(SELECT coalesce(array_agg(cm.community_id), '{}') FROM community_moderators cm WHERE cm.user_id = u.id)`, 'moderatedCommunityIds')
      .from(UserEntity, 'u');
    const row = await scope(qb).getRawOne<{
      sessionId: string;
      id: string;
      siteRole: UserRole;
      suspendedUntil: Date | null;
      organisationRoles: Record<string, OrganisationRole>;
      moderatedCommunityIds: string[];
    }>();
    if (!row) return null;
    return { ...row, suspendedUntil: row.suspendedUntil ? row.suspendedUntil.toISOString() : null };
  }

  async findUser(id: string): Promise<UserEntity | null> {
    if (!isUuid(id)) return null;
    return this.db.getRepository(UserEntity).findOneBy({ id });
  }

  async requireUser(id: string): Promise<UserEntity> {
    const user = await this.findUser(id);
    if (!user) throw new AccountsException(AccountsExceptionCode.USER_NOT_FOUND, 'That person does not exist.');
    return user;
  }

  usersByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.db.getRepository(UserEntity).findBy({ id: In([...ids]) });
  }

  listOrganisations(): Promise<OrganisationEntity[]> {
    return this.db.getRepository(OrganisationEntity).find({ order: { name: 'ASC' } });
  }

  async affiliationsByUserIds(userIds: readonly string[]): Promise<AffiliationRow[]> {
    const rows = await this.db
      .getRepository(AffiliationEntity)
      .createQueryBuilder('a')
      .innerJoinAndMapOne('a.organisation', OrganisationEntity, 'o', 'o.id = a.organisation_id')
      .where('a.user_id IN (:...userIds)', { userIds: [...userIds] })
      .orderBy('a.position', 'ASC')
      .getMany();
    return rows.map((row) => ({ userId: row.userId, role: row.role, organisation: (row as AffiliationEntity & { organisation: OrganisationEntity }).organisation }));
  }

  /** Replaces the person's declared affiliations with the given list, in that order. */
  async setAffiliations(viewer: Viewer, inputs: AffiliationInput[]): Promise<UserEntity> {
    if (inputs.length > 20) {
      throw new AccountsException(AccountsExceptionCode.DUPLICATE_AFFILIATION, 'Declare at most 20 affiliations.', { field: 'input' });
    }
    const slugs = [...new Set(inputs.map((i) => i.organisationSlug.trim()))];
    const organisations = slugs.length ? await this.db.getRepository(OrganisationEntity).findBy({ slug: In(slugs) }) : [];
    const bySlug = new Map(organisations.map((o) => [o.slug, o]));
    const seen = new Set<string>();
    const rows = inputs.map((input, position) => {
      const organisation = bySlug.get(input.organisationSlug.trim());
      if (!organisation) {
        throw new AccountsException(AccountsExceptionCode.ORGANISATION_NOT_FOUND, `There is no organisation "${input.organisationSlug}".`, {
          field: 'organisationSlug',
        });
      }
      const role = input.role.trim();
      const key = `${organisation.id}:${role.toLowerCase()}`;
      if (seen.has(key)) {
        throw new AccountsException(AccountsExceptionCode.DUPLICATE_AFFILIATION, `"${role}" at ${organisation.name} is listed twice.`, { field: 'role' });
      }
      seen.add(key);
      return { userId: viewer.id, organisationId: organisation.id, role, position };
    });
    await this.db.transaction(async (tx) => {
      await tx.getRepository(AffiliationEntity).delete({ userId: viewer.id });
      if (rows.length) await tx.getRepository(AffiliationEntity).insert(rows);
    });
    return this.requireUser(viewer.id);
  }

  private async startSession(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.getRepository(SessionEntity).insert({
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000),
    });
    return token;
  }

  /**
   * Suspends the person until `until`, in the caller's (moderation's) transaction: they
   * may sign in again and read, but the permission policy refuses them every write, and
   * every session they had ends now so no open tab keeps acting as before.
   */
  async suspend(tx: EntityManager, userId: string, until: Date, reason: string): Promise<UserEntity> {
    await tx.query('UPDATE users SET suspended_until = $2, suspension_reason = $3 WHERE id = $1', [userId, until, reason]);
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    return tx.getRepository(UserEntity).findOneByOrFail({ id: userId });
  }

  /** Lifts a suspension early, in the caller's transaction. */
  async unsuspend(tx: EntityManager, userId: string): Promise<UserEntity> {
    await tx.query('UPDATE users SET suspended_until = NULL, suspension_reason = NULL WHERE id = $1', [userId]);
    return tx.getRepository(UserEntity).findOneByOrFail({ id: userId });
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
    return this.decoyHash;
  }
}

