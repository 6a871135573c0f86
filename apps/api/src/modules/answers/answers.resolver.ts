import { UseGuards } from '@nestjs/common';
import { Args, ID, Info, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentViewer, Loaders, OptionalViewer, SignedInGuard } from '../../common/auth.js';
import { RateLimit } from '../../common/rate-limits.js';
import { byKeys, groupByKeys, QUESTION_ANSWERS_LOADER, type RequestLoaders } from '../../common/loaders.js';
import { selectsOnlyId } from '../../common/graphql-selection.js';
import { InputValidationException } from '../../common/errors.js';
import { firstArg, pageSize } from '../../common/pagination.js';
import type { Viewer } from '../../common/request-context.js';
import { can } from '../access/access.policy.js';
import { UserModel } from '../accounts/accounts.model.js';
import { loadUser } from '../accounts/accounts.resolver.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { answerSubject, isRemoved } from '../moderation/post-state.js';
import { QuestionModel } from '../questions/question.model.js';
import { loadQuestion, toQuestionModel } from '../questions/questions.resolver.js';
import { QuestionsService } from '../questions/questions.service.js';
import { PostRevisionModel } from '../revisions/post-revision.model.js';
import { loadRevisionsOf, REVISIONS_FIRST } from '../revisions/revisions.resolver.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import type { AnswerEntity } from './answer.entity.js';
import { AnswerModel } from './answer.model.js';
import { AnswersService } from './answers.service.js';
import { AnswerQuestionInput, EditAnswerInput } from './dto/answer.input.js';

export const toAnswerModel = (a: AnswerEntity): AnswerModel => ({
  id: a.id,
  body: a.body,
  score: a.score,
  createdAt: a.createdAt,
  questionId: a.questionId,
  authorId: a.authorId,
  hiddenAt: a.hiddenAt ?? null,
  deletedAt: a.deletedAt ?? null,
  removalReason: a.removalReason ?? null,
  reviewRequestedAt: a.reviewRequestedAt ?? null,
});

/** Whether the viewer may read the answer's text: always, unless it was hidden or deleted (then its author and moderators). */
export async function canReadAnswer(loaders: RequestLoaders, questions: QuestionsService, viewer: Viewer | null, answer: AnswerModel): Promise<boolean> {
  if (!isRemoved(answer)) return true;
  const question = await loadQuestion(loaders, questions, answer.questionId);
  return can(viewer, 'view', answerSubject(answer, question)).allowed;
}

export function loadAnswer(loaders: RequestLoaders, answers: AnswersService, id: string): Promise<AnswerModel> {
  return answerLoader(loaders, answers).load(id);
}

const answerLoader = (loaders: RequestLoaders, answers: AnswersService) =>
  loaders.get<string, AnswerModel>('answers.byId', async (ids) =>
    byKeys(ids, await answers.byIds(ids), (a) => a.id, (missing) => new Error(`answer ${missing} not found`), toAnswerModel),
  );

@Resolver(() => AnswerModel)
export class AnswersResolver {
  constructor(
    private readonly answers: AnswersService,
    private readonly questions: QuestionsService,
    private readonly accounts: AccountsService,
    private readonly revisionsService: RevisionsService,
  ) {}

  @Mutation(() => AnswerModel)
  @UseGuards(SignedInGuard)
  @RateLimit('answer')
  async answerQuestion(@Args('input') input: AnswerQuestionInput, @CurrentViewer() viewer: Viewer): Promise<AnswerModel> {
    return toAnswerModel(await this.answers.answer(viewer, input));
  }

  @Mutation(() => AnswerModel)
  @UseGuards(SignedInGuard)
  @RateLimit('answer')
  async editAnswer(@Args('input') input: EditAnswerInput, @CurrentViewer() viewer: Viewer): Promise<AnswerModel> {
    return toAnswerModel(await this.answers.edit(viewer, input));
  }

  @Mutation(() => QuestionModel)
  @UseGuards(SignedInGuard)
  async acceptAnswer(@Args('answerId', { type: () => ID }) answerId: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.answers.accept(viewer, answerId));
  }

  @Mutation(() => QuestionModel, { description: 'The asker takes back their acceptance: the question has no accepted answer until one is accepted again.' })
  @UseGuards(SignedInGuard)
  // Not rate limited, like acceptAnswer: only the asker may, and it writes one column of one row.
  async unacceptAnswer(@Args('answerId', { type: () => ID }) answerId: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.answers.unaccept(viewer, answerId));
  }

  @ResolveField('body', () => String, { description: 'Markdown. Empty for people who may not read a hidden or deleted answer (see moderation).' })
  async answerBody(@Parent() answer: AnswerModel, @OptionalViewer() viewer: Viewer | null, @Loaders() loaders: RequestLoaders): Promise<string> {
    return (await canReadAnswer(loaders, this.questions, viewer, answer)) ? answer.body : '';
  }

  @ResolveField(() => UserModel)
  author(@Parent() answer: AnswerModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> {
    return loadUser(loaders, this.accounts, answer.authorId);
  }

  @ResolveField(() => QuestionModel)
  question(@Parent() answer: AnswerModel, @Loaders() loaders: RequestLoaders): Promise<QuestionModel> {
    return loadQuestion(loaders, this.questions, answer.questionId);
  }

  @ResolveField(() => Boolean)
  async isAccepted(@Parent() answer: AnswerModel, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    const question = await loadQuestion(loaders, this.questions, answer.questionId);
    return question.acceptedAnswerId === answer.id;
  }

  @ResolveField(() => [PostRevisionModel], {
    description: 'The latest published states (first of them), oldest first; the last is the current text. Empty for people who may not read a hidden or deleted answer.',
  })
  async revisions(
    @Parent() answer: AnswerModel,
    @Args('first', firstArg(10, REVISIONS_FIRST)) first: number | null,
    @OptionalViewer() viewer: Viewer | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<PostRevisionModel[]> {
    const size = pageSize(first, 10);
    // Both start in the same tick, so the revisions of every answer on the page, readable
    // or not, come in one statement.
    const [readable, revisions] = await Promise.all([
      canReadAnswer(loaders, this.questions, viewer, answer),
      loadRevisionsOf(loaders, this.revisionsService, `answer:${answer.id}`),
    ]);
    return readable ? revisions.slice(-size) : [];
  }
}

/** Deep enough for any real question; a bound, so that no one asks the database to rank and skip millions. */
export const MAX_ANSWER_OFFSET = 10_000;

function answerOffset(offset: number | null): number {
  const value = offset ?? 0;
  if (!Number.isInteger(value) || value < 0 || value > MAX_ANSWER_OFFSET) {
    throw new InputValidationException('offset', `offset must be a whole number from 0 to ${MAX_ANSWER_OFFSET}.`);
  }
  return value;
}

/** The answer side of a question: its answers and the accepted one. */
@Resolver(() => QuestionModel)
export class QuestionAnswersResolver {
  constructor(private readonly answers: AnswersService) {}

  @ResolveField('answers', () => [AnswerModel], { description: 'The accepted answer first, then by score.' })
  async questionAnswers(
    @Parent() question: QuestionModel,
    @Args('first', firstArg(50)) first: number | null,
    @Args('offset', {
      type: () => Int,
      nullable: true,
      defaultValue: 0,
      description: `How many to skip, in the same order: a long question's later pages (at most ${MAX_ANSWER_OFFSET}).`,
    })
    offset: number | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<AnswerModel[]> {
    const size = pageSize(first, 50);
    const skip = answerOffset(offset);
    // The first page shares its loader (and its one statement) with everything else that reads a question's answers.
    const loaderName = skip === 0 ? QUESTION_ANSWERS_LOADER : `${QUESTION_ANSWERS_LOADER}@${skip}`;
    const answers = await loaders
      .get<string, AnswerModel[]>(loaderName, async (ids) => {
        const groups = groupByKeys(ids, await this.answers.byQuestionIds(ids, skip), (a) => a.questionId).map((as) => as.map(toAnswerModel));
        // Comments on these answers find them here rather than reading them again.
        const loader = answerLoader(loaders, this.answers);
        for (const answer of groups.flat()) loader.prime(answer.id, answer);
        return groups;
      })
      .load(question.id);
    return answers.slice(0, size);
  }

  @ResolveField(() => AnswerModel, { nullable: true })
  async acceptedAnswer(@Parent() question: QuestionModel, @Loaders() loaders: RequestLoaders, @Info() info: GraphQLResolveInfo): Promise<AnswerModel | null> {
    if (!question.acceptedAnswerId) return null;
    // Lists ask only whether (and which) answer is accepted: the id the question holds answers that without a statement.
    if (selectsOnlyId(info)) return { id: question.acceptedAnswerId } as AnswerModel;
    return loadAnswer(loaders, this.answers, question.acceptedAnswerId);
  }
}
