import { UseGuards } from '@nestjs/common';
import { Args, GraphQLISODateTime, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Loaders, OptionalViewer, SignedInGuard } from '../../common/auth.js';
import { byKeys, type RequestLoaders } from '../../common/loaders.js';
import type { Viewer } from '../../common/request-context.js';
import { firstArg, pageSize } from '../../common/pagination.js';
import { can, type PostSubject } from '../access/access.policy.js';
import { UserModel } from '../accounts/accounts.model.js';
import { loadUser, toUserModel } from '../accounts/accounts.resolver.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { UserEntity } from '../accounts/user.entity.js';
import { AnswerModel } from '../answers/answer.model.js';
import { loadAnswer } from '../answers/answers.resolver.js';
import { AnswersService } from '../answers/answers.service.js';
import { CommentModel } from '../comments/comment.model.js';
import { loadCommentQuestion, toCommentModel } from '../comments/comments.resolver.js';
import { CommentsService } from '../comments/comments.service.js';
import { loadCommunity } from '../communities/communities.resolver.js';
import { CommunitiesService } from '../communities/communities.service.js';
import { CommunityModel } from '../communities/community.model.js';
import { QuestionModel } from '../questions/question.model.js';
import { loadQuestion, toQuestionModel } from '../questions/questions.resolver.js';
import { QuestionsService } from '../questions/questions.service.js';
import { CloseQuestionInput, FlagPostInput, ModeratePostInput, ResolveFlagsInput, SuspendMemberInput } from './dto/moderation.input.js';
import { FlaggedPostModel, FlagModel, ModerationLogConnection, ModerationLogEntryModel, PostModerationModel } from './moderation.model.js';
import { ModerationService } from './moderation.service.js';
import { answerSubject, commentSubject, PostVisibility, questionSubject, visibilityOf, type RemovalState } from './post-state.js';

/** A post's moderation state as this viewer may see it; `flagged` says whether the viewer flagged it. */
function postModeration(viewer: Viewer | null, subject: PostSubject, post: Partial<RemovalState>, hasFlagged: boolean, editable: boolean): PostModerationModel {
  const visibility = visibilityOf(post);
  const moderatesIt = can(viewer, 'moderate', subject).allowed;
  const authorOrModerator = moderatesIt || (!!viewer && viewer.id === subject.authorId);
  return {
    visibility,
    // A deletion's tombstone says why to everyone; a hidden post's reason is for its author and moderators.
    removalReason: visibility === PostVisibility.DELETED || (visibility === PostVisibility.HIDDEN && authorOrModerator) ? (post.removalReason ?? null) : null,
    viewerHasFlagged: hasFlagged,
    viewerCanFlag: !hasFlagged && can(viewer, 'flag', subject).allowed,
    viewerCanModerate: moderatesIt,
    viewerCanDelete: !post.deletedAt && can(viewer, 'delete', subject).allowed,
    viewerCanEdit: editable && can(viewer, 'edit', subject).allowed,
    reviewRequested: authorOrModerator && !!post.reviewRequestedAt,
  };
}

/**
 * Whether the viewer flagged each post: one statement per kind of post in a request
 * ("comments on questions" and "comments on answers" resolve at different depths, so
 * they are kinds of their own). Nobody signed in has flagged nothing, without a query.
 */
function loadViewerFlagged(loaders: RequestLoaders, moderation: ModerationService, viewer: Viewer | null, kind: string, postId: string): Promise<boolean> {
  if (!viewer) return Promise.resolve(false);
  return loaders
    .get<string, boolean>(`moderation.viewerFlagged.${kind}`, async (ids) => {
      const flagged = await moderation.flaggedBy(viewer.id, ids);
      return ids.map((id) => flagged.has(id));
    })
    .load(postId);
}

/** Loads a comment by id, for log entries about comments. */
function loadComment(loaders: RequestLoaders, comments: CommentsService, id: string): Promise<CommentModel> {
  return loaders
    .get<string, CommentModel>('comments.byId', async (ids) =>
      byKeys(ids, await comments.byIds(ids), (c) => c.id, (missing) => new Error(`comment ${missing} not found`), toCommentModel),
    )
    .load(id);
}

@Resolver()
export class ModerationResolver {
  constructor(private readonly moderation: ModerationService) {}

  @Mutation(() => Boolean, { description: 'Flags a question, answer or comment; once per person per post. The author is never told who flagged.' })
  @UseGuards(SignedInGuard)
  flagPost(@Args('input') input: FlagPostInput, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.moderation.flag(viewer, input);
  }

  @Mutation(() => QuestionModel)
  @UseGuards(SignedInGuard)
  async closeQuestion(@Args('input') input: CloseQuestionInput, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.moderation.close(viewer, input));
  }

  @Mutation(() => QuestionModel)
  @UseGuards(SignedInGuard)
  async reopenQuestion(@Args('questionId', { type: () => ID }) questionId: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.moderation.reopen(viewer, questionId));
  }

  @Mutation(() => Boolean, { description: 'A moderator upholds (HIDE, DELETE) or dismisses the flags on a post.' })
  @UseGuards(SignedInGuard)
  resolveFlags(@Args('input') input: ResolveFlagsInput, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.moderation.resolveFlags(viewer, input);
  }

  @Mutation(() => Boolean)
  @UseGuards(SignedInGuard)
  hidePost(@Args('input') input: ModeratePostInput, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.moderation.hide(viewer, input);
  }

  @Mutation(() => Boolean, { description: 'Soft deletion by the post\'s author, or by a moderator with a reason; a tombstone keeps its place.' })
  @UseGuards(SignedInGuard)
  deletePost(@Args('input') input: ModeratePostInput, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.moderation.delete(viewer, input);
  }

  @Mutation(() => Boolean)
  @UseGuards(SignedInGuard)
  restorePost(@Args('postId', { type: () => ID }) postId: string, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.moderation.restore(viewer, postId);
  }

  @Mutation(() => QuestionModel)
  @UseGuards(SignedInGuard)
  async lockQuestion(@Args('input') input: ModeratePostInput, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.moderation.lock(viewer, input));
  }

  @Mutation(() => QuestionModel)
  @UseGuards(SignedInGuard)
  async unlockQuestion(@Args('questionId', { type: () => ID }) questionId: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.moderation.unlock(viewer, questionId));
  }

  @Mutation(() => UserModel, { description: 'Site staff: the member keeps reading but cannot post or change anything; their sessions end.' })
  @UseGuards(SignedInGuard)
  async suspendMember(@Args('input') input: SuspendMemberInput, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.moderation.suspend(viewer, input));
  }

  @Mutation(() => UserModel)
  @UseGuards(SignedInGuard)
  async unsuspendMember(@Args('userId', { type: () => ID }) userId: string, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.moderation.unsuspend(viewer, userId));
  }

  @Query(() => [FlaggedPostModel], { description: "A community's moderators (or site staff) see what waits for them; no slug: site-wide, site staff only." })
  @UseGuards(SignedInGuard)
  async moderationQueue(
    @Args('communitySlug', { type: () => String, nullable: true }) communitySlug: string | null,
    @Args('first', firstArg(50)) first: number | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<FlaggedPostModel[]> {
    const size = pageSize(first, 50);
    return (await this.moderation.queue(viewer, communitySlug)).slice(0, size);
  }

  @Query(() => ModerationLogConnection, { description: 'Every moderation action, newest first (append-only).' })
  @UseGuards(SignedInGuard)
  moderationLog(
    @Args('communitySlug', { type: () => String, nullable: true }) communitySlug: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ModerationLogConnection> {
    return this.moderation.readLog(viewer, communitySlug, first, after);
  }
}

@Resolver(() => QuestionModel)
export class QuestionModerationResolver {
  constructor(private readonly moderationService: ModerationService) {}

  @ResolveField(() => PostModerationModel)
  async moderation(@Parent() question: QuestionModel, @OptionalViewer() viewer: Viewer | null, @Loaders() loaders: RequestLoaders): Promise<PostModerationModel> {
    const flagged = await loadViewerFlagged(loaders, this.moderationService, viewer, 'question', question.id);
    return postModeration(viewer, questionSubject(question), question, flagged, true);
  }
}

@Resolver(() => AnswerModel)
export class AnswerModerationResolver {
  constructor(
    private readonly moderationService: ModerationService,
    private readonly questions: QuestionsService,
  ) {}

  @ResolveField(() => PostModerationModel)
  async moderation(@Parent() answer: AnswerModel, @OptionalViewer() viewer: Viewer | null, @Loaders() loaders: RequestLoaders): Promise<PostModerationModel> {
    // Both loads start in the same tick, so every answer on the page shares one statement each.
    const [question, flagged] = await Promise.all([
      loadQuestion(loaders, this.questions, answer.questionId),
      loadViewerFlagged(loaders, this.moderationService, viewer, 'answer', answer.id),
    ]);
    return postModeration(viewer, answerSubject(answer, question), answer, flagged, true);
  }
}

@Resolver(() => CommentModel)
export class CommentModerationResolver {
  constructor(
    private readonly moderationService: ModerationService,
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
  ) {}

  @ResolveField(() => PostModerationModel)
  async moderation(@Parent() comment: CommentModel, @OptionalViewer() viewer: Viewer | null, @Loaders() loaders: RequestLoaders): Promise<PostModerationModel> {
    const [question, flagged] = await Promise.all([
      loadCommentQuestion(loaders, this.questions, this.answers, comment),
      loadViewerFlagged(loaders, this.moderationService, viewer, comment.questionId ? 'questionComment' : 'answerComment', comment.id),
    ]);
    // Comments are edited with editComment, by the same rule as posts.
    return postModeration(viewer, commentSubject(comment, question), comment, flagged, true);
  }
}

@Resolver(() => FlaggedPostModel)
export class FlaggedPostResolver {
  constructor(
    private readonly questions: QuestionsService,
    private readonly accounts: AccountsService,
    private readonly communities: CommunitiesService,
  ) {}

  @ResolveField('flags', () => [FlagModel], { description: 'The flags on the post, oldest first: pending ones and the history.' })
  flags(@Parent() post: FlaggedPostModel, @Args('first', firstArg(20)) first: number | null): FlagModel[] {
    return post.flags.slice(0, pageSize(first, 20));
  }

  @ResolveField(() => QuestionModel, { description: 'The question the post belongs to (itself for a question).' })
  question(@Parent() post: FlaggedPostModel, @Loaders() loaders: RequestLoaders): Promise<QuestionModel> {
    return loadQuestion(loaders, this.questions, post.questionId);
  }

  @ResolveField(() => UserModel)
  author(@Parent() post: FlaggedPostModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> {
    return loadUser(loaders, this.accounts, post.authorId);
  }

  @ResolveField(() => CommunityModel)
  community(@Parent() post: FlaggedPostModel, @Loaders() loaders: RequestLoaders): Promise<CommunityModel> {
    return loadCommunity(loaders, this.communities, post.communityId);
  }
}

@Resolver(() => FlagModel)
export class FlagResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => UserModel, { nullable: true, description: "Who flagged: the community's moderators only, else null." })
  async flagger(@Parent() flag: FlagModel, @OptionalViewer() viewer: Viewer | null, @Loaders() loaders: RequestLoaders): Promise<UserModel | null> {
    if (!can(viewer, 'moderate', { kind: 'community', communityId: flag.communityId }).allowed) return null;
    return loadUser(loaders, this.accounts, flag.flaggerId);
  }
}

@Resolver(() => ModerationLogEntryModel)
export class ModerationLogEntryResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly communities: CommunitiesService,
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
    private readonly comments: CommentsService,
  ) {}

  @ResolveField(() => UserModel, { nullable: true, description: 'Null when the forum acted by itself (flags reached the threshold).' })
  actor(@Parent() entry: ModerationLogEntryModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> | null {
    return entry.actorId ? loadUser(loaders, this.accounts, entry.actorId) : null;
  }

  @ResolveField(() => QuestionModel, { nullable: true, description: 'The question the subject belongs to (itself for a question); null for people.' })
  async question(@Parent() entry: ModerationLogEntryModel, @Loaders() loaders: RequestLoaders): Promise<QuestionModel | null> {
    const questionId = await this.questionIdOf(entry, loaders);
    return questionId ? loadQuestion(loaders, this.questions, questionId) : null;
  }

  @ResolveField(() => UserModel, { nullable: true, description: "The person acted on: the suspended member, or the post's author." })
  async subjectUser(@Parent() entry: ModerationLogEntryModel, @Loaders() loaders: RequestLoaders): Promise<UserModel | null> {
    const userId = await this.subjectUserIdOf(entry, loaders);
    return userId ? loadUser(loaders, this.accounts, userId) : null;
  }

  @ResolveField(() => CommunityModel, { nullable: true })
  community(@Parent() entry: ModerationLogEntryModel, @Loaders() loaders: RequestLoaders): Promise<CommunityModel> | null {
    return entry.communityId ? loadCommunity(loaders, this.communities, entry.communityId) : null;
  }

  private async questionIdOf(entry: ModerationLogEntryModel, loaders: RequestLoaders): Promise<string | null> {
    if (entry.subjectKind === 'QUESTION') return entry.subjectId;
    if (entry.subjectKind === 'ANSWER') return (await loadAnswer(loaders, this.answers, entry.subjectId)).questionId;
    if (entry.subjectKind === 'COMMENT') {
      const comment = await loadComment(loaders, this.comments, entry.subjectId);
      return comment.questionId ?? (await loadAnswer(loaders, this.answers, comment.answerId as string)).questionId;
    }
    return null;
  }

  private async subjectUserIdOf(entry: ModerationLogEntryModel, loaders: RequestLoaders): Promise<string | null> {
    if (entry.subjectKind === 'USER') return entry.subjectId;
    if (entry.subjectKind === 'QUESTION') return (await loadQuestion(loaders, this.questions, entry.subjectId)).authorId;
    if (entry.subjectKind === 'ANSWER') return (await loadAnswer(loaders, this.answers, entry.subjectId)).authorId;
    if (entry.subjectKind === 'COMMENT') return (await loadComment(loaders, this.comments, entry.subjectId)).authorId;
    return null;
  }
}

@Resolver(() => UserModel)
export class UserSuspensionResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => GraphQLISODateTime, { nullable: true, description: 'Until when the member is suspended: moderators and the person themself only, else null.' })
  async suspendedUntil(@Parent() user: UserModel, @OptionalViewer() viewer: Viewer | null, @Loaders() loaders: RequestLoaders): Promise<Date | null> {
    if (!viewer) return null;
    const entity = await loaders
      .get<string, UserEntity | null>('moderation.users', async (ids) => byKeys(ids, await this.accounts.usersByIds(ids), (u) => u.id, () => null))
      .load(user.id);
    if (!entity?.suspendedUntil || entity.suspendedUntil <= new Date()) return null;
    return can(viewer, 'view-suspension', { kind: 'user', userId: entity.id, siteRole: entity.role }).allowed ? entity.suspendedUntil : null;
  }
}
