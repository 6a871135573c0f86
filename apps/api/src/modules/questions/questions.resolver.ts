import { questionViewerKey } from './question-views.js';
import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Loaders, OptionalViewer, SignedInGuard } from '../../common/auth.js';
import { RateLimit } from '../../common/rate-limits.js';
import { afterAnswersOf, byKeys, groupByKeys, type RequestLoaders } from '../../common/loaders.js';
import { firstArg, PageInfo, pageSize } from '../../common/pagination.js';
import type { RequestContext, Viewer } from '../../common/request-context.js';
import { can } from '../access/access.policy.js';
import { UserModel } from '../accounts/accounts.model.js';
import { loadUser } from '../accounts/accounts.resolver.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { CommunitiesService } from '../communities/communities.service.js';
import { loadCommunity } from '../communities/communities.resolver.js';
import { CommunityModel } from '../communities/community.model.js';
import { questionSubject } from '../moderation/post-state.js';
import { PostRevisionModel } from '../revisions/post-revision.model.js';
import { loadRevisionsOf, REVISIONS_FIRST } from '../revisions/revisions.resolver.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import { AskQuestionInput, EditQuestionInput, QuestionFilter } from './dto/question.input.js';
import { QuestionConnection, QuestionModel, QuestionOrder, TagModel } from './question.model.js';
import type { QuestionEntity, TagEntity } from './question.entity.js';
import { QuestionsService } from './questions.service.js';

export const toQuestionModel = (q: QuestionEntity): QuestionModel => ({
  id: q.id,
  title: q.title,
  body: q.body,
  score: q.score,
  viewCount: q.viewCount,
  answerCount: q.answerCount,
  createdAt: q.createdAt,
  lastActivityAt: q.lastActivityAt,
  communityId: q.communityId,
  authorId: q.authorId,
  acceptedAnswerId: q.acceptedAnswerId,
  // Rows read by other modules' own queries may lack the moderation columns: absent means none.
  closedReason: q.closedReason ?? null,
  closedNote: q.closedNote ?? null,
  closedAt: q.closedAt ?? null,
  isLocked: !!q.lockedAt,
  duplicateOfId: q.duplicateOfId ?? null,
  lockedAt: q.lockedAt ?? null,
  hiddenAt: q.hiddenAt ?? null,
  deletedAt: q.deletedAt ?? null,
  removalReason: q.removalReason ?? null,
  reviewRequestedAt: q.reviewRequestedAt ?? null,
});

/** Whether the viewer may read this question's text (a hidden or deleted one: its author and moderators). */
export const canReadQuestion = (viewer: Viewer | null, question: QuestionModel): boolean => can(viewer, 'view', questionSubject(question)).allowed;

const toTagModel = (t: TagEntity): TagModel => ({ id: t.id, slug: t.slug });

/** The question loader other modules use for `answer.question` and search hits. */
export function loadQuestion(loaders: RequestLoaders, questions: QuestionsService, id: string): Promise<QuestionModel> {
  return questionLoader(loaders, questions).load(id);
}

/**
 * Seeds the loader with questions a query has just read, so fields of their answers and
 * comments that need the question (its community, whether it is locked) read nothing more.
 */
export function primeQuestions(loaders: RequestLoaders, questions: QuestionsService, models: readonly QuestionModel[]): void {
  const loader = questionLoader(loaders, questions);
  for (const model of models) loader.prime(model.id, model);
}

/** Each question's tags in order; a list primes it with the tags its own statement read. */
const tagsLoader = (loaders: RequestLoaders, questions: QuestionsService) =>
  loaders.get<string, TagModel[]>('questions.tags', async (ids) =>
    groupByKeys(ids, await questions.tagsByQuestionIds(ids), (t) => t.questionId).map((tags) => tags.map(toTagModel)),
  );

const questionLoader = (loaders: RequestLoaders, questions: QuestionsService) =>
  loaders.get<string, QuestionModel>('questions.byId', async (ids) =>
    byKeys(ids, await questions.byIds(ids), (q) => q.id, (missing) => new Error(`question ${missing} not found`), toQuestionModel),
  );

const viewerKey = (ctx: RequestContext): string => questionViewerKey(ctx.viewer, ctx.req);

@Resolver(() => QuestionModel)
export class QuestionsResolver {
  constructor(
    private readonly questionsService: QuestionsService,
    private readonly accounts: AccountsService,
    private readonly communities: CommunitiesService,
    private readonly revisionsService: RevisionsService,
  ) {}

  @Query(() => QuestionConnection)
  async questions(
    @Args('filter', { type: () => QuestionFilter, nullable: true }) filter: QuestionFilter | undefined,
    @Args('orderBy', { type: () => QuestionOrder, nullable: true, defaultValue: QuestionOrder.NEWEST }) orderBy: QuestionOrder,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @Loaders() loaders: RequestLoaders,
  ): Promise<QuestionConnection> {
    const page = await this.questionsService.list(filter ?? undefined, orderBy, first, after ?? undefined);
    const edges = page.questions.map(({ question, cursor }) => ({ node: toQuestionModel(question), cursor }));
    primeQuestions(loaders, this.questionsService, edges.map((e) => e.node));
    const tags = tagsLoader(loaders, this.questionsService);
    for (const { question, tags: questionTags } of page.questions) tags.prime(question.id, questionTags.map(toTagModel));
    const pageInfo: PageInfo = { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null };
    return { edges, pageInfo, totalCount: page.totalCount };
  }

  @Query(() => QuestionModel, {
    nullable: true,
    description: 'Reading a question counts as a view (once per viewer per hour). A hidden or deleted question still resolves, as a tombstone, so links keep working.',
  })
  async question(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<QuestionModel | null> {
    const found = await this.questionsService.findWithTags(id);
    if (!found) return null;
    const { question, tags } = found;
    if (await this.questionsService.recordView(question.id, viewerKey(ctx))) question.viewCount += 1;
    const model = toQuestionModel(question);
    primeQuestions(ctx.loaders, this.questionsService, [model]);
    tagsLoader(ctx.loaders, this.questionsService).prime(question.id, tags.map(toTagModel));
    return model;
  }

  @Query(() => [TagModel], { description: 'The most used first; with prefix, only tags starting with it (as a tag is typed: "Parish C" finds parish-councils).' })
  async tags(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('prefix', { type: () => String, nullable: true, defaultValue: null }) prefix: string | null,
  ): Promise<TagModel[]> {
    return (await this.questionsService.popularTags(first, prefix)).map(toTagModel);
  }

  @Mutation(() => QuestionModel)
  @UseGuards(SignedInGuard)
  @RateLimit('ask')
  async askQuestion(@Args('input') input: AskQuestionInput, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.questionsService.ask(viewer, input));
  }

  @Mutation(() => QuestionModel)
  @UseGuards(SignedInGuard)
  @RateLimit('ask')
  async editQuestion(@Args('input') input: EditQuestionInput, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.questionsService.edit(viewer, input));
  }

  @ResolveField('title', () => String, { description: '"[removed]" for people who may not read a hidden or deleted question.' })
  questionTitle(@Parent() question: QuestionModel, @OptionalViewer() viewer: Viewer | null): string {
    return canReadQuestion(viewer, question) ? question.title : '[removed]';
  }

  @ResolveField('body', () => String, { description: 'Markdown. Empty for people who may not read a hidden or deleted question (see moderation).' })
  questionBody(@Parent() question: QuestionModel, @OptionalViewer() viewer: Viewer | null): string {
    return canReadQuestion(viewer, question) ? question.body : '';
  }

  @ResolveField(() => QuestionModel, { nullable: true, description: 'The question this one was closed as a duplicate of.' })
  duplicateOf(@Parent() question: QuestionModel, @Loaders() loaders: RequestLoaders): Promise<QuestionModel> | null {
    return question.duplicateOfId ? loadQuestion(loaders, this.questionsService, question.duplicateOfId) : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in person may answer it now (not closed, locked or removed; not suspended).' })
  viewerCanAnswer(@Parent() question: QuestionModel, @OptionalViewer() viewer: Viewer | null): boolean {
    return can(viewer, 'answer', questionSubject(question)).allowed;
  }

  @ResolveField(() => UserModel)
  async author(@Parent() question: QuestionModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> {
    // On a question page the asker is read with the answerers, in one statement.
    await afterAnswersOf(loaders, question.id);
    return loadUser(loaders, this.accounts, question.authorId);
  }

  @ResolveField(() => CommunityModel)
  community(@Parent() question: QuestionModel, @Loaders() loaders: RequestLoaders): Promise<CommunityModel> {
    return loadCommunity(loaders, this.communities, question.communityId);
  }

  @ResolveField('tags', () => [TagModel])
  questionTags(@Parent() question: QuestionModel, @Loaders() loaders: RequestLoaders): Promise<TagModel[]> {
    return tagsLoader(loaders, this.questionsService).load(question.id);
  }

  @ResolveField(() => [PostRevisionModel], {
    description: 'The latest published states (first of them), oldest first; the last is the current text. Empty for people who may not read a hidden or deleted question.',
  })
  async revisions(
    @Parent() question: QuestionModel,
    @Args('first', firstArg(10, REVISIONS_FIRST)) first: number | null,
    @OptionalViewer() viewer: Viewer | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<PostRevisionModel[]> {
    const size = pageSize(first, 10);
    if (!canReadQuestion(viewer, question)) return [];
    await afterAnswersOf(loaders, question.id);
    return (await loadRevisionsOf(loaders, this.revisionsService, `question:${question.id}`)).slice(-size);
  }
}

@Resolver(() => TagModel)
export class TagsResolver {
  constructor(private readonly questionsService: QuestionsService) {}

  @ResolveField(() => Int)
  questionCount(@Parent() tag: TagModel, @Loaders() loaders: RequestLoaders): Promise<number> {
    return loaders
      .get<string, number>('tags.questionCount', async (ids) => {
        const counts = await this.questionsService.tagQuestionCounts(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      })
      .load(tag.id);
  }
}
