import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { In, type DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { RateLimitedException, RateLimiter } from '../../common/rate-limiter.js';
import { QueueName } from '../../queues/queue-names.js';
import { queueToken } from '../../queues/queues.module.js';
import { isUuid } from '../../common/ids.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import type { Viewer } from '../../common/request-context.js';
import type { OrganisationRole } from '../access/access.policy.js';
import { AccountsException, AccountsExceptionCode } from './accounts.exception.js';
import { AffiliationEntity } from './affiliation.entity.js';
import type { AffiliationInput, ChangePasswordInput, ResetPasswordInput, SignInInput, SignUpInput } from './dto/accounts.input.js';
import { OrganisationEntity } from './organisation.entity.js';
import { hashPassword, passwordMatches } from './passwords.js';
import { SESSION_IDLE_DAYS, SESSION_LIFETIME_DAYS, SESSION_SEEN_RESOLUTION_MINUTES } from './session-cookie.js';
import { SessionEntity } from './session.entity.js';
import { SignInBackoff } from './sign-in-backoff.js';
import { UserEntity, UserRole } from './user.entity.js';
import { sitemapPageEnd } from '../../common/sitemap-pages.js';

export interface SignedIn {
  user: UserEntity;
  token: string;
}

export interface AffiliationRow {
  userId: string;
  role: string;
  organisation: OrganisationEntity;
}

/** What an erased account is called wherever its posts are shown. */
export const ERASED_DISPLAY_NAME = 'a deleted member';

/** A reset link works for an hour. */
export const PASSWORD_RESET_MINUTES = 60;

/** What a reset mail needs; the token exists nowhere else once the mail is composed. */
export interface PasswordResetMail {
  email: string;
  displayName: string;
  token: string;
  expiresAt: Date;
}

/** The account as erasure found it, under a row lock, before anything was changed. */
export interface ErasureSubject {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const normaliseEmail = (email: string) => email.trim().toLowerCase();
// eslint-disable-next-line no-control-regex
const looksLikeEmail = (email: string) => email.length <= 254 && /^[^\s@\u0000-\u001f\u007f]+@[^\s@\u0000-\u001f\u007f]+$/.test(email);
const RESET_LINK_INVALID_MESSAGE = 'This reset link has expired or was already used. Ask for a new one.';
const EMAIL_TAKEN_MESSAGE = 'An account with that email address already exists. Sign in instead.';
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** Whether a session row is still good: younger than its absolute lifetime and used recently enough. */
const LIVE_SESSION = `s.expires_at > now() AND s.last_seen_at > now() - make_interval(days => ${SESSION_IDLE_DAYS})`;

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);
  // Verified against when no account matches, so a wrong email costs as long as a wrong password.
  private decoyHash: Promise<string> | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rateLimiter: RateLimiter,
    @Inject(queueToken(QueueName.DIGESTS)) private readonly mailQueue: Queue,
    private readonly signInBackoff: SignInBackoff,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Opens an account for a visitor, counted against their client address: trying addresses
   * through sign-up to learn which have an account is as slow as the limit makes it.
   */
  async signUpFrom(clientAddress: string, input: SignUpInput): Promise<SignedIn> {
    await this.rateLimiter.hit(`sign-up-ip:${clientAddress}`, this.config.signUpsPerAddressPerHour, 3600, 'Too many accounts were opened from your network in the last hour. Try again later.');
    return this.signUp(input);
  }

  /**
   * Opens an account (the seed and the CLI call this directly, without a rate limit). The
   * password is hashed before the address is looked at, so an address that has an account
   * answers no faster than one that has none.
   */
  async signUp(input: SignUpInput, role: UserRole = UserRole.MEMBER): Promise<SignedIn> {
    const email = normaliseEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    const users = this.db.getRepository(UserEntity);
    try {
      // The unique key on email decides, so two sign-ups racing for one address cannot both win.
      const user = await users.save(users.create({ email, displayName: input.displayName.trim(), passwordHash, role }));
      return { user, token: await this.startSession(user.id) };
    } catch (error) {
      if (isUniqueViolation(error)) throw new AccountsException(AccountsExceptionCode.EMAIL_TAKEN, EMAIL_TAKEN_MESSAGE, { field: 'email' });
      throw error;
    }
  }

  /**
   * Counted per client address (a fixed window) and per account (a growing wait after a few
   * failures, see SignInBackoff): an address guessing many accounts is stopped, and one
   * account guessed from many addresses is slowed, without a stranger being able to lock
   * its owner out. Both are counted whether or not the address has an account.
   */
  async signIn(input: SignInInput, clientAddress: string): Promise<SignedIn> {
    const email = normaliseEmail(input.email);
    await this.rateLimiter.hit(`sign-in-ip:${clientAddress}`, 50, 15 * 60, 'Too many sign-in attempts from your network. Wait a few minutes and try again.');
    const wait = await this.signInBackoff.attempt(email);
    if (wait > 0) {
      throw new RateLimitedException(
        wait,
        'Several wrong passwords were tried for this account, so sign-in is slowed down for it. Wait and try again, or reset your password with "Forgot your password?".',
      );
    }
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
    await this.clearSignInBackoff(email);
    return { user, token: await this.startSession(user.id) };
  }

  async signOut(viewer: Viewer): Promise<void> {
    await this.db.getRepository(SessionEntity).delete({ id: viewer.sessionId });
  }

  /** Ends every session of the person, this one included (a lost phone, a shared computer). */
  async signOutEverywhere(viewer: Viewer): Promise<void> {
    await this.db.getRepository(SessionEntity).delete({ userId: viewer.id });
  }

  /**
   * Changes the password of the signed-in person after checking the current one: every
   * other session ends (whoever else was signed in must now know the new password), this
   * one stays, and open reset links stop working.
   */
  async changePassword(viewer: Viewer, input: ChangePasswordInput): Promise<void> {
    const user = await this.checkPassword(viewer.id, input.currentPassword, 'currentPassword');
    if (await passwordMatches(user.passwordHash, input.newPassword)) {
      throw new AccountsException(AccountsExceptionCode.SAME_PASSWORD, 'Choose a password different from your current one.', { field: 'newPassword' });
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (tx) => {
      await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [viewer.id, passwordHash]);
      await tx.query('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [viewer.id, viewer.sessionId]);
      await tx.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [viewer.id]);
    });
    await this.clearSignInBackoff(user.email);
  }

  /**
   * Resolves a session token to the signed-in person and the rights they were granted
   * (organisation roles, communities they moderate, suspension), in one statement, or null
   * when the token is unknown, past its lifetime or unused for too long. Erased accounts
   * have no sessions.
   *
   * The same statement records that the session was used, when it was last recorded more
   * than SESSION_SEEN_RESOLUTION_MINUTES ago: PostgreSQL always runs a data-modifying WITH,
   * so most requests read only, and no request costs a second statement. The SELECT sees
   * the row as it was before that update, so the idle check uses the previous use.
   */
  async viewerForToken(token: string | undefined): Promise<Viewer | null> {
    if (!token || token.length > 200) return null;
    return this.loadViewer((qb) =>
      qb
        .addCommonTableExpression(
          `UPDATE sessions s SET last_seen_at = now()
            WHERE s.token_hash = :hash AND ${LIVE_SESSION}
              AND s.last_seen_at < now() - make_interval(mins => ${SESSION_SEEN_RESOLUTION_MINUTES})
            RETURNING s.id`,
          'seen',
        )
        .addSelect('s.id', 'sessionId')
        .innerJoin(SessionEntity, 's', 's.user_id = u.id')
        .where(`s.token_hash = :hash AND ${LIVE_SESSION}`, { hash: hashToken(token) }),
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
      .select(['u.id AS "id"', 'u.role AS "siteRole"', 'u.suspended_until AS "suspendedUntil"', 'u.created_at AS "memberSince"'])
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
      memberSince: Date;
      organisationRoles: Record<string, OrganisationRole>;
      moderatedCommunityIds: string[];
    }>();
    if (!row) return null;
    return { ...row, suspendedUntil: row.suspendedUntil ? row.suspendedUntil.toISOString() : null, memberSince: row.memberSince.toISOString() };
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

  /** What the person is called, read inside another module's transaction (e.g. for a notification it writes); null if there is no such account. */
  async displayName(tx: EntityManager, userId: string): Promise<string | null> {
    const [row] = (await tx.query('SELECT display_name AS "name" FROM users WHERE id = $1', [userId])) as { name: string }[];
    return row?.name ?? null;
  }

  usersByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.db.getRepository(UserEntity).findBy({ id: In([...ids]) });
  }

  /**
   * Where the profile sitemap file after the one starting after the id `after` starts
   * (everyone by id, whether they posted or not, so the walk reads only the primary key),
   * or null when it is the last.
   */
  sitemapPageEnd(after: string | null, size: number): Promise<string | null> {
    return sitemapPageEnd(this.db, { table: 'users', key: 'id', cast: '::uuid' }, after, size);
  }

  /** The ids of the `size` people after the id `after`, erased accounts left out: one profile sitemap file's candidates. */
  async sitemapPage(after: string | null, size: number): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT page.id FROM (SELECT u.id, u.erased_at FROM users u ${after !== null ? 'WHERE u.id > $2::uuid' : ''} ORDER BY u.id LIMIT $1) page
        WHERE page.erased_at IS NULL ORDER BY page.id`,
      after !== null ? [size, after] : [size],
    )) as { id: string }[];
    return rows.map((row) => row.id);
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

  /**
   * Mails a single-use reset link when the address belongs to a live account, and answers
   * the same either way. Both cases cost one rate-limit check per key and one statement:
   * the INSERT … SELECT writes a row only when the account exists, and the mail is composed
   * and sent by the worker, so the answer does not wait for SMTP.
   */
  async requestPasswordReset(rawEmail: string, clientAddress: string): Promise<void> {
    const email = normaliseEmail(rawEmail);
    if (!looksLikeEmail(email)) {
      throw new AccountsException(AccountsExceptionCode.INVALID_EMAIL, 'Enter an email address like name@example.org.', { field: 'email' });
    }
    await this.rateLimiter.hit(`password-reset:${email}`, 3, 3600, 'A reset link was asked for this address several times already. Check your mail, or wait an hour and try again.');
    await this.rateLimiter.hit(`password-reset-ip:${clientAddress}`, 20, 3600, 'Too many reset links were asked for from your network. Wait a while and try again.');
    const rows = (await this.db.query(
      `INSERT INTO password_resets (user_id, expires_at)
       SELECT id, now() + make_interval(mins => $2) FROM users WHERE email = $1 AND erased_at IS NULL
       RETURNING id`,
      [email, PASSWORD_RESET_MINUTES],
    )) as { id: string }[];
    for (const { id } of rows) {
      await this.mailQueue.add('send-password-reset', { resetId: id }, { jobId: `password-reset-${id}`, attempts: 3, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: 1000, removeOnFail: 1000 });
    }
  }

  /**
   * For the worker: a fresh token for a reset that is still open, with where to send it.
   * Only its hash is stored; a retried job issues a new token, so the last mail sent is the
   * one whose link works. Null when the reset was used, expired or the account erased.
   */
  async issuePasswordResetToken(resetId: string): Promise<PasswordResetMail | null> {
    if (!isUuid(resetId)) return null;
    const token = randomBytes(32).toString('base64url');
    const [rows] = (await this.db.query(
      `UPDATE password_resets r SET token_hash = $2
         FROM users u
        WHERE r.id = $1 AND u.id = r.user_id AND r.used_at IS NULL AND r.expires_at > now() AND u.erased_at IS NULL
        RETURNING u.email, u.display_name AS "displayName", r.expires_at AS "expiresAt"`,
      [resetId, hashToken(token)],
    )) as [{ email: string; displayName: string; expiresAt: Date }[], number];
    return rows[0] ? { ...rows[0], token } : null;
  }

  /**
   * Sets a new password from an emailed link: the link is used up (with every other open
   * link of the person), every session ends, and a new one starts here.
   */
  async resetPassword(input: ResetPasswordInput): Promise<SignedIn> {
    const tokenHash = hashToken(input.token);
    const open = `SELECT r.id, r.user_id AS "userId" FROM password_resets r JOIN users u ON u.id = r.user_id
                   WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.erased_at IS NULL`;
    // Checked before hashing, so an unknown token costs no memory-hard hash.
    const [found] = (await this.db.query(open, [tokenHash])) as { id: string }[];
    if (!found) throw new AccountsException(AccountsExceptionCode.RESET_LINK_INVALID, RESET_LINK_INVALID_MESSAGE, { field: 'token' });
    const passwordHash = await hashPassword(input.newPassword);
    const signedIn = await this.db.transaction(async (tx) => {
      // The lock makes a second use of the same link wait, then find it used.
      const [reset] = (await tx.query(`${open} FOR UPDATE OF r`, [tokenHash])) as { id: string; userId: string }[];
      if (!reset) throw new AccountsException(AccountsExceptionCode.RESET_LINK_INVALID, RESET_LINK_INVALID_MESSAGE, { field: 'token' });
      await tx.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [reset.userId]);
      await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [reset.userId, passwordHash]);
      await tx.getRepository(SessionEntity).delete({ userId: reset.userId });
      const token = await this.startSession(reset.userId, tx);
      const user = (await tx.getRepository(UserEntity).findOneBy({ id: reset.userId })) as UserEntity;
      return { user, token };
    });
    // The link proved the mailbox is theirs: a stranger's wrong guesses no longer slow them down.
    await this.clearSignInBackoff(signedIn.user.email);
    return signedIn;
  }

  /** Checks the signed-in person's password before something that cannot be undone. */
  async confirmPassword(userId: string, password: string): Promise<void> {
    await this.checkPassword(userId, password, 'password');
  }

  /**
   * The signed-in person's password, checked. A stolen session must not become a way to
   * guess the password at full speed, so wrong ones are limited per account (deleting the
   * account and changing the password share the count).
   */
  private async checkPassword(userId: string, password: string, field: string): Promise<UserEntity> {
    await this.rateLimiter.hit(`confirm-password:${userId}`, 5, 15 * 60, 'Too many wrong passwords. Wait a few minutes and try again.');
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :userId AND user.erased_at IS NULL', { userId })
      .getOne();
    if (!user || !(await passwordMatches(user.passwordHash, password))) {
      throw new AccountsException(AccountsExceptionCode.WRONG_PASSWORD, 'That is not your current password.', { field });
    }
    await this.rateLimiter.reset(`confirm-password:${userId}`);
    return user;
  }

  /** Best effort, like RateLimiter.reset: a count left behind only means one more wait. */
  private async clearSignInBackoff(email: string): Promise<void> {
    try {
      await this.signInBackoff.clear(email);
    } catch (error) {
      this.logger.warn(`cannot clear a sign-in backoff: ${(error as Error).message}`);
    }
  }

  /** Locks the account for erasure and says who it was; refuses one that is already erased. */
  async lockForErasure(tx: EntityManager, userId: string): Promise<ErasureSubject> {
    const [row] = (await tx.query(
      `SELECT id, email, display_name AS "displayName", role, erased_at AS "erasedAt" FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
    )) as (ErasureSubject & { erasedAt: Date | null })[];
    if (!row) throw new AccountsException(AccountsExceptionCode.USER_NOT_FOUND, 'That person does not exist.');
    if (row.erasedAt) throw new AccountsException(AccountsExceptionCode.ALREADY_ERASED, 'That account was already erased.', { field: 'userId' });
    return { id: row.id, email: row.email, displayName: row.displayName, role: row.role };
  }

  /**
   * Erases what accounts holds about a person, inside the caller's erasure transaction:
   * sessions, declared affiliations and reset links go; the users row stays (posts, votes
   * and revisions point at it) with a placeholder address under the reserved .invalid
   * domain, the deleted-member name, a password hash nothing can match and no site role.
   */
  async eraseUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM affiliations WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM password_resets WHERE user_id = $1', [userId]);
    await tx.query(
      `UPDATE users SET email = 'erased-' || id || '@invalid', display_name = $2, password_hash = '!erased', role = 'MEMBER',
              suspended_until = NULL, suspension_reason = NULL, erased_at = now()
        WHERE id = $1`,
      [userId, ERASED_DISPLAY_NAME],
    );
  }

  /** Forgets the rate-limit counters keyed by an address that no longer belongs to anyone. */
  async forgetAddress(email: string): Promise<void> {
    await this.clearSignInBackoff(email);
    await this.rateLimiter.reset(`password-reset:${email}`);
  }

  private async startSession(userId: string, tx: EntityManager = this.db.manager): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await tx.getRepository(SessionEntity).insert({
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + SESSION_LIFETIME_DAYS * 24 * 3600 * 1000),
    });
    // Sessions that ended by age or disuse are only ever refused; sweep the person's own here.
    await tx.query(`DELETE FROM sessions s WHERE s.user_id = $1 AND NOT (${LIVE_SESSION})`, [userId]);
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

