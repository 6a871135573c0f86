import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Loaders, SignedInGuard } from '../../common/auth.js';
import { groupByKeys, type RequestLoaders } from '../../common/loaders.js';
import type { Viewer } from '../../common/request-context.js';
import { UserModel } from '../accounts/accounts.model.js';
import { loadUser } from '../accounts/accounts.resolver.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AnswerModel } from '../answers/answer.model.js';
import { QuestionModel } from '../questions/question.model.js';
import type { CommentEntity } from './comment.entity.js';
import { CommentModel } from './comment.model.js';
import { CommentsService } from './comments.service.js';
import { AddCommentInput } from './dto/add-comment.input.js';

const toCommentModel = (c: CommentEntity): CommentModel => ({ id: c.id, body: c.body, createdAt: c.createdAt, authorId: c.authorId });

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(
    private readonly commentsService: CommentsService,
    private readonly accounts: AccountsService,
  ) {}

  @Mutation(() => CommentModel)
  @UseGuards(SignedInGuard)
  async addComment(@Args('input') input: AddCommentInput, @CurrentViewer() viewer: Viewer): Promise<CommentModel> {
    return toCommentModel(await this.commentsService.add(viewer, input));
  }

  @ResolveField(() => UserModel)
  author(@Parent() comment: CommentModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> {
    return loadUser(loaders, this.accounts, comment.authorId);
  }
}

@Resolver(() => QuestionModel)
export class QuestionCommentsResolver {
  constructor(private readonly commentsService: CommentsService) {}

  @ResolveField(() => [CommentModel])
  comments(@Parent() question: QuestionModel, @Loaders() loaders: RequestLoaders): Promise<CommentModel[]> {
    return loaders
      .get<string, CommentModel[]>('questions.comments', async (ids) =>
        groupByKeys(ids, await this.commentsService.forQuestions(ids), (c) => c.questionId as string).map((cs) => cs.map(toCommentModel)),
      )
      .load(question.id);
  }
}

@Resolver(() => AnswerModel)
export class AnswerCommentsResolver {
  constructor(private readonly commentsService: CommentsService) {}

  @ResolveField(() => [CommentModel])
  comments(@Parent() answer: AnswerModel, @Loaders() loaders: RequestLoaders): Promise<CommentModel[]> {
    return loaders
      .get<string, CommentModel[]>('answers.comments', async (ids) =>
        groupByKeys(ids, await this.commentsService.forAnswers(ids), (c) => c.answerId as string).map((cs) => cs.map(toCommentModel)),
      )
      .load(answer.id);
  }
}
