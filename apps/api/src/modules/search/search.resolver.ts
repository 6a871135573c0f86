import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../../common/auth.js';
import { RateLimit } from '../../common/rate-limits.js';
import type { RequestLoaders } from '../../common/loaders.js';
import { AnswerModel } from '../answers/answer.model.js';
import { loadAnswer } from '../answers/answers.resolver.js';
import { AnswersService } from '../answers/answers.service.js';
import { QuestionModel } from '../questions/question.model.js';
import { loadQuestion, toQuestionModel } from '../questions/questions.resolver.js';
import { QuestionsService } from '../questions/questions.service.js';
import { SearchConnection, SearchHitModel } from './search.model.js';
import { SearchService } from './search.service.js';

@Resolver(() => SearchHitModel)
export class SearchResolver {
  constructor(
    private readonly search: SearchService,
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
  ) {}

  @Query(() => SearchConnection, { name: 'search', description: 'Ranked full-text search over questions and answers.' })
  @RateLimit('search')
  async searchPosts(
    @Args('query') query: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<SearchConnection> {
    const page = await this.search.search(query, first, after ?? undefined);
    const edges = page.hits.map(({ cursor, ...hit }) => ({ node: hit, cursor }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount };
  }

  @Query(() => [QuestionModel], { description: 'Existing questions like a title being typed, to avoid asking twice.' })
  @RateLimit('search')
  async similarQuestions(
    @Args('title') title: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 5 }) first: number,
  ): Promise<QuestionModel[]> {
    return (await this.search.similarQuestions(title, first)).map(toQuestionModel);
  }

  @ResolveField(() => QuestionModel)
  question(@Parent() hit: SearchHitModel, @Loaders() loaders: RequestLoaders): Promise<QuestionModel> {
    return loadQuestion(loaders, this.questions, hit.questionId);
  }

  @ResolveField(() => AnswerModel, { nullable: true, description: 'Set when the match is in an answer.' })
  answer(@Parent() hit: SearchHitModel, @Loaders() loaders: RequestLoaders): Promise<AnswerModel> | null {
    return hit.answerId ? loadAnswer(loaders, this.answers, hit.answerId) : null;
  }
}
