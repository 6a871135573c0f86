import { Args, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectsOnlyId } from '../../common/graphql-selection.js';
import { Loaders } from '../../common/auth.js';
import { RateLimit } from '../../common/rate-limits.js';
import type { RequestLoaders } from '../../common/loaders.js';
import { AnswerModel } from '../answers/answer.model.js';
import { loadAnswer } from '../answers/answers.resolver.js';
import { AnswersService } from '../answers/answers.service.js';
import { PoliciesService } from '../policies/policies.service.js';
import { loadDocument, loadSection, loadVersion } from '../policies/policies.resolver.js';
import { PolicyDocumentModel, PolicySectionModel, PolicyVersionModel } from '../policies/policy.model.js';
import { QuestionModel } from '../questions/question.model.js';
import { loadQuestion, toQuestionModel } from '../questions/questions.resolver.js';
import { QuestionsService } from '../questions/questions.service.js';
import {
  PolicySectionHitModel,
  SearchConnection,
  SearchFilter,
  SearchHitModel,
  SearchOrder,
  SearchResultConnection,
  SearchResultType,
} from './search.model.js';
import { SearchService, type FoundPolicySection, type FoundQuestion } from './search.service.js';

const toHit = (found: FoundQuestion): SearchHitModel => ({
  kind: 'question',
  questionId: found.questionId,
  answerId: found.answerId,
  matchingAnswerCount: found.matchingAnswerCount,
  rank: found.rank,
  snippet: found.snippet,
});

const toSectionHit = (found: FoundPolicySection): PolicySectionHitModel => ({
  kind: 'policySection',
  sectionId: found.sectionId,
  versionId: found.versionId,
  documentId: found.documentId,
  isCurrentVersion: found.isCurrentVersion,
  rank: found.rank,
  snippet: found.snippet,
});

@Resolver(() => SearchHitModel)
export class SearchResolver {
  constructor(
    private readonly search: SearchService,
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
  ) {}

  @Query(() => SearchConnection, {
    name: 'search',
    description: 'Ranked full-text search over questions and their answers, one hit per question. searchResults also finds policy sections, with filters and sort orders.',
  })
  @RateLimit('search')
  async searchPosts(
    @Args('query') query: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<SearchConnection> {
    const page = await this.search.search(query, { types: [SearchResultType.QUESTION] }, SearchOrder.RELEVANCE, first, after ?? undefined);
    const edges = page.results.filter((found): found is FoundQuestion => found.kind === 'question').map((found) => ({ node: toHit(found), cursor: found.cursor }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount, totalCountIsLowerBound: page.totalCountIsLowerBound };
  }

  @Query(() => SearchResultConnection, {
    description: 'Full-text search over questions (each with its answers, as one result) and sections of policy versions, filtered and sorted.',
  })
  @RateLimit('search')
  async searchResults(
    @Args('query') query: string,
    // Typed without `| null`: decorator metadata of a union is Object, and the validation pipe would skip the filter's rules.
    @Args('filter', { type: () => SearchFilter, nullable: true }) filter: SearchFilter,
    @Args('orderBy', { type: () => SearchOrder, nullable: true, defaultValue: SearchOrder.RELEVANCE }) orderBy: SearchOrder | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<SearchResultConnection> {
    const page = await this.search.search(query, (filter as SearchFilter | null) ?? {}, orderBy ?? SearchOrder.RELEVANCE, first ?? 20, after ?? undefined);
    const edges = page.results.map((found) => ({ node: found.kind === 'question' ? toHit(found) : toSectionHit(found), cursor: found.cursor }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount, totalCountIsLowerBound: page.totalCountIsLowerBound };
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

  @ResolveField(() => AnswerModel, { nullable: true, description: 'Set when the match is in an answer only: the best-matching answer, which the snippet is from.' })
  answer(@Parent() hit: SearchHitModel, @Loaders() loaders: RequestLoaders, @Info() info: GraphQLResolveInfo): Promise<AnswerModel> | AnswerModel | null {
    if (!hit.answerId) return null;
    // The results page links to the answer by id: the hit holds it, no row needs reading.
    if (selectsOnlyId(info)) return { id: hit.answerId } as AnswerModel;
    return loadAnswer(loaders, this.answers, hit.answerId);
  }
}

@Resolver(() => PolicySectionHitModel)
export class PolicySectionHitResolver {
  constructor(private readonly policies: PoliciesService) {}

  @ResolveField(() => PolicySectionModel, { description: 'The section found; link to it by document slug, version and anchor.' })
  section(@Parent() hit: PolicySectionHitModel, @Loaders() loaders: RequestLoaders): Promise<PolicySectionModel> {
    return loadSection(loaders, this.policies, hit.sectionId);
  }

  @ResolveField(() => PolicyVersionModel)
  version(@Parent() hit: PolicySectionHitModel, @Loaders() loaders: RequestLoaders): Promise<PolicyVersionModel> {
    return loadVersion(loaders, this.policies, hit.versionId);
  }

  @ResolveField(() => PolicyDocumentModel)
  document(@Parent() hit: PolicySectionHitModel, @Loaders() loaders: RequestLoaders): Promise<PolicyDocumentModel> {
    return loadDocument(loaders, this.policies, hit.documentId);
  }
}
