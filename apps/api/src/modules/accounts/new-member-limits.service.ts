import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RateLimiter } from '../../common/rate-limiter.js';
import type { Viewer } from '../../common/request-context.js';
import { AccountsException, AccountsExceptionCode } from './accounts.exception.js';
import {
  isNewMember,
  isPastNewMemberAge,
  linkProblem,
  NEW_MEMBER_DAYS,
  NEW_MEMBER_POSTS,
  NEW_MEMBER_POSTS_PER_WINDOW,
  NEW_MEMBER_WINDOW_SECONDS,
  type MemberStanding,
} from './new-member-limits.js';

/**
 * Applies the new-member rules (new-member-limits.ts) where questions, answers and comments
 * are written: one call in each ask, answer, comment and edit.
 */
@Injectable()
export class NewMemberLimits {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /**
   * The last step of saving a new post, inside its transaction: refuses too many links
   * (BAD_USER_INPUT on `body`), then too many posts (RATE_LIMITED), either of which rolls the
   * post back. Last, so that a post refused for anything else (a bad tag, a citation that
   * does not resolve) never reaches it and does not use up a new member's allowance.
   * `tx` is the post's transaction: reading on another pool connection while it holds one
   * would let as many concurrent posts as the pool has connections wait on each other.
   */
  async beforePost(viewer: Viewer, body: string, tx: EntityManager): Promise<void> {
    if (!(await this.isNew(viewer, tx))) return;
    this.checkLinks(body);
    await this.rateLimiter.hit(
      `new-member-posts:${viewer.id}`,
      NEW_MEMBER_POSTS_PER_WINDOW,
      NEW_MEMBER_WINDOW_SECONDS,
      `New members can post ${NEW_MEMBER_POSTS_PER_WINDOW} times in ${NEW_MEMBER_WINDOW_SECONDS / 60} minutes. Wait a little and try again.`,
    );
  }

  /** Before an edit: an edit must not add the links a new post could not have. */
  async beforeEdit(viewer: Viewer, body: string, tx: EntityManager = this.db.manager): Promise<void> {
    if (await this.isNew(viewer, tx)) this.checkLinks(body);
  }

  private checkLinks(body: string): void {
    const problem = linkProblem(body);
    if (problem) throw new AccountsException(AccountsExceptionCode.TOO_MANY_LINKS, problem, { field: 'body' });
  }

  /**
   * One read-only statement: the account's age and its shown posts, counted only up to the
   * number that ends being new. It reads the post tables, which accounts otherwise leaves to
   * their modules: they depend on accounts, so asking their services from here would make a
   * cycle, and this is the one question about a person that spans all three.
   */
  private async isNew(viewer: Viewer, tx: EntityManager): Promise<boolean> {
    // Age only grows: an account older than the window is established whatever it posted,
    // and the session already said when it was made (most posts are by established members).
    if (viewer.memberSince && isPastNewMemberAge(new Date(viewer.memberSince))) return false;
    const [row] = (await tx.query(
      `SELECT u.created_at AS "createdAt",
              CASE WHEN u.created_at > now() - make_interval(days => $2) THEN (
                SELECT count(*)::int FROM (
                  (SELECT 1 FROM questions WHERE author_id = u.id AND hidden_at IS NULL AND deleted_at IS NULL LIMIT $3)
                  UNION ALL (SELECT 1 FROM answers WHERE author_id = u.id AND hidden_at IS NULL AND deleted_at IS NULL LIMIT $3)
                  UNION ALL (SELECT 1 FROM comments WHERE author_id = u.id AND hidden_at IS NULL AND deleted_at IS NULL LIMIT $3)
                ) shown
              ) ELSE $3 END AS "visiblePosts"
         FROM users u WHERE u.id = $1`,
      [viewer.id, NEW_MEMBER_DAYS, NEW_MEMBER_POSTS],
    )) as MemberStanding[];
    return !!row && isNewMember(row);
  }
}
