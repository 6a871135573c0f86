import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InputValidationException } from '../../common/errors.js';
import type { Viewer } from '../../common/request-context.js';
import { authorize } from '../access/access.exception.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AnswersService } from '../answers/answers.service.js';
import { CommentsService } from '../comments/comments.service.js';
import { CommunitiesService } from '../communities/communities.service.js';
import { DigestsService } from '../digests/digests.service.js';
import { appendModerationLog } from '../moderation/moderation-log.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { QuestionsService } from '../questions/questions.service.js';
import { SubscriptionsService } from '../subscriptions/subscriptions.service.js';

/** The tombstone of a post removed together with its author's account. */
export const REMOVED_WITH_ACCOUNT = "removed with its author's account";

/**
 * Erasing an account: a person deletes their own (with their password), or a site admin
 * erases one on request. Every module forgets what it holds about the person, each through
 * its own service and all in one transaction, so an erasure is complete or did not happen.
 * The users row stays, anonymised (posts, votes and revisions point at it): posts read as
 * by "a deleted member", unless the person asked for them to be removed too.
 */
@Injectable()
export class ErasureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsService,
    private readonly organisations: OrganisationsService,
    private readonly communities: CommunitiesService,
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
    private readonly comments: CommentsService,
    private readonly subscriptions: SubscriptionsService,
    private readonly notifications: NotificationsService,
    private readonly digests: DigestsService,
  ) {}

  /** The signed-in person deletes their own account; a wrong password changes nothing. */
  async deleteOwnAccount(viewer: Viewer, password: string, removePosts: boolean): Promise<void> {
    authorize(viewer, 'erase', { kind: 'user', userId: viewer.id, siteRole: viewer.siteRole });
    await this.accounts.confirmPassword(viewer.id, password);
    await this.erase(viewer.id, removePosts, viewer.id);
  }

  /** A site admin erases someone's account, on that person's request. */
  async eraseOnRequest(actor: Viewer, userId: string, removePosts: boolean): Promise<void> {
    const user = await this.accounts.requireUser(userId);
    authorize(actor, 'erase', { kind: 'user', userId: user.id, siteRole: user.role });
    if (user.id === actor.id) {
      // Deleting one's own account always asks for the password, whoever one is.
      throw new InputValidationException('userId', 'To delete your own account, use "Delete my account" in your settings and confirm it with your password.');
    }
    await this.erase(user.id, removePosts, actor.id);
  }

  private async erase(userId: string, removePosts: boolean, actorId: string): Promise<void> {
    const person = await this.db.transaction(async (tx) => {
      const subject = await this.accounts.lockForErasure(tx, userId);
      const postIds = [...(await this.answers.idsByAuthor(tx, userId)), ...(await this.comments.idsByAuthor(tx, userId))];
      // Before the name is gone from the users row: other people's notifications quote it.
      await this.notifications.eraseUser(tx, { userId, displayName: subject.displayName, postIds });
      await this.subscriptions.eraseUser(tx, userId);
      await this.digests.eraseUser(tx, userId);
      await this.communities.eraseUser(tx, userId);
      await this.organisations.eraseUser(tx, userId);
      if (removePosts) {
        await this.comments.removeAllByAuthor(tx, userId, REMOVED_WITH_ACCOUNT, actorId);
        await this.answers.removeAllByAuthor(tx, userId, REMOVED_WITH_ACCOUNT, actorId);
        await this.questions.removeAllByAuthor(tx, userId, REMOVED_WITH_ACCOUNT, actorId);
      }
      await this.accounts.eraseUser(tx, userId);
      // On the moderators' record, without anything that names the person.
      const how = actorId === userId ? 'deleted their own account' : 'erased by a site admin on request';
      await appendModerationLog(tx, {
        communityId: null,
        actorId,
        action: 'ERASE',
        subjectKind: 'USER',
        subjectId: userId,
        reason: removePosts ? `${how}; their posts were removed` : how,
      });
      return subject;
    });
    await this.accounts.forgetAddress(person.email);
  }
}
