import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Loaders, OptionalViewer, SignedInGuard } from '../../common/auth.js';
import { RateLimit } from '../../common/rate-limits.js';
import { afterAnswersOf, groupByKeys, postKeyOf, splitPostKeys, type PostKey, type RequestLoaders } from '../../common/loaders.js';
import { firstArg, pageSize } from '../../common/pagination.js';
import type { Viewer } from '../../common/request-context.js';
import { can } from '../access/access.policy.js';
import { UserModel } from '../accounts/accounts.model.js';
import { loadUser } from '../accounts/accounts.resolver.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AnswerModel } from '../answers/answer.model.js';
import { loadAnswer } from '../answers/answers.resolver.js';
import { AnswersService } from '../answers/answers.service.js';
import { commentSubject, isRemoved } from '../moderation/post-state.js';
import { QuestionModel } from '../questions/question.model.js';
import { loadQuestion } from '../questions/questions.resolver.js';
import { QuestionsService } from '../questions/questions.service.js';
import type { CommentEntity } from './comment.entity.js';
import { CommentModel, CommentRevisionModel } from './comment.model.js';
import { CommentsService } from './comments.service.js';
import { AddCommentInput } from './dto/add-comment.input.js';
import { EditCommentInput } from './dto/edit-comment.input.js';

export const toCommentModel = (c: CommentEntity): CommentModel => ({
  id: c.id,
  body: c.body,
  createdAt: c.createdAt,
  editedAt: c.editedAt ?? null,
  authorId: c.authorId,
  questionId: c.questionId,
  answerId: c.answerId,
  hiddenAt: c.hiddenAt ?? null,
  deletedAt: c.deletedAt ?? null,
  removalReason: c.removalReason ?? null,
  reviewRequestedAt: c.reviewRequestedAt ?? null,
});

/** The question a comment belongs to, directly or through the answer it is on. */
export async function loadCommentQuestion(loaders: RequestLoaders, questions: QuestionsService, answers: AnswersService, comment: CommentModel): Promise<QuestionModel> {
  const questionId = comment.questionId ?? (await loadAnswer(loaders, answers, comment.answerId as string)).questionId;
  return loadQuestion(loaders, questions, questionId);
}

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(
    private readonly commentsService: CommentsService,
    private readonly accounts: AccountsService,
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
  ) {}

  @Mutation(() => CommentModel)
  @UseGuards(SignedInGuard)
  @RateLimit('comment')
  async addComment(@Args('input') input: AddCommentInput, @CurrentViewer() viewer: Viewer): Promise<CommentModel> {
    return toCommentModel(await this.commentsService.add(viewer, input));
  }

  @Query(() => CommentModel, { nullable: true, description: 'One comment, e.g. to read its earlier wordings when someone opens them; a removed one as a tombstone.' })
  async comment(@Args('id', { type: () => ID }) id: string): Promise<CommentModel | null> {
    const comment = await this.commentsService.find(id);
    return comment ? toCommentModel(comment) : null;
  }

  @Mutation(() => CommentModel, { description: 'Its author (or a moderator of its community) rewords a comment; every earlier wording is kept in revisions.' })
  @UseGuards(SignedInGuard)
  @RateLimit('comment')
  async editComment(@Args('input') input: EditCommentInput, @CurrentViewer() viewer: Viewer): Promise<CommentModel> {
    return toCommentModel(await this.commentsService.edit(viewer, input));
  }

  private async readable(comment: CommentModel, viewer: Viewer | null, loaders: RequestLoaders): Promise<boolean> {
    if (!isRemoved(comment)) return true;
    const question = await loadCommentQuestion(loaders, this.questions, this.answers, comment);
    return can(viewer, 'view', commentSubject(comment, question)).allowed;
  }

  @ResolveField('body', () => String, { description: 'Empty for people who may not read a hidden or deleted comment (see moderation).' })
  async commentBody(@Parent() comment: CommentModel, @OptionalViewer() viewer: Viewer | null, @Loaders() loaders: RequestLoaders): Promise<string> {
    return (await this.readable(comment, viewer, loaders)) ? comment.body : '';
  }

  @ResolveField(() => [CommentRevisionModel], {
    description: 'Every wording, oldest first (1 is the text as first posted); empty for a comment never edited, and for people who may not read it.',
  })
  async revisions(
    @Parent() comment: CommentModel,
    @Args('first', firstArg(20)) first: number | null,
    @OptionalViewer() viewer: Viewer | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<CommentRevisionModel[]> {
    if (!comment.editedAt || !(await this.readable(comment, viewer, loaders))) return [];
    const revisions = await loaders
      .get<string, CommentRevisionModel[]>('comments.revisionsByCommentId', async (ids) =>
        groupByKeys(ids, await this.commentsService.revisionsOf(ids), (r) => r.commentId).map((rs) =>
          rs.map((r) => ({ revision: r.revision, body: r.body, editedAt: r.editedAt, editedById: r.editedBy })),
        ),
      )
      .load(comment.id);
    return revisions.slice(0, pageSize(first, 20));
  }

  @ResolveField(() => UserModel)
  author(@Parent() comment: CommentModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> {
    return loadUser(loaders, this.accounts, comment.authorId);
  }
}

@Resolver(() => CommentRevisionModel)
export class CommentRevisionsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => UserModel)
  editedBy(@Parent() revision: CommentRevisionModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> {
    return loadUser(loaders, this.accounts, revision.editedById);
  }
}

/** A post's first comments, oldest first; questions' and answers' come in one batch (see PostKey). */
function loadCommentsOf(loaders: RequestLoaders, comments: CommentsService, post: PostKey): Promise<CommentModel[]> {
  return loaders
    .get<PostKey, CommentModel[]>('comments.byPost', async (keys) => {
      const { questionIds, answerIds } = splitPostKeys(keys);
      return groupByKeys(keys, await comments.forPosts(questionIds, answerIds), postKeyOf).map((cs) => cs.map(toCommentModel));
    })
    .load(post);
}

@Resolver(() => QuestionModel)
export class QuestionCommentsResolver {
  constructor(private readonly commentsService: CommentsService) {}

  @ResolveField(() => [CommentModel], { description: 'Oldest first.' })
  async comments(@Parent() question: QuestionModel, @Args('first', firstArg(20)) first: number | null, @Loaders() loaders: RequestLoaders): Promise<CommentModel[]> {
    const size = pageSize(first, 20);
    await afterAnswersOf(loaders, question.id);
    return (await loadCommentsOf(loaders, this.commentsService, `question:${question.id}`)).slice(0, size);
  }
}

@Resolver(() => AnswerModel)
export class AnswerCommentsResolver {
  constructor(private readonly commentsService: CommentsService) {}

  @ResolveField(() => [CommentModel], { description: 'Oldest first.' })
  async comments(@Parent() answer: AnswerModel, @Args('first', firstArg(20)) first: number | null, @Loaders() loaders: RequestLoaders): Promise<CommentModel[]> {
    const size = pageSize(first, 20);
    return (await loadCommentsOf(loaders, this.commentsService, `answer:${answer.id}`)).slice(0, size);
  }
}
