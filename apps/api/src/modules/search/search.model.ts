import { Field, Float, GraphQLISODateTime, InputType, Int, ObjectType, createUnionType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageInfo } from '../../common/pagination.js';

/**
 * How many of the newest matching questions, answers and policy sections a search ranks.
 * A typical search at 100,000 questions matches a few hundred of each and is ranked whole;
 * a word in nearly every post ("council") would otherwise rank and count them all (about
 * three seconds at that size), so it ranks the newest this many and says the count is a
 * lower bound: adding words or filters narrows it.
 */
export const MAX_CANDIDATES = 1000;

export enum SearchResultType {
  QUESTION = 'QUESTION',
  POLICY_SECTION = 'POLICY_SECTION',
}
registerEnumType(SearchResultType, {
  name: 'SearchResultType',
  description: 'What a search result is: a question (with its answers), or a section of a policy version.',
});

export enum SearchOrder {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  VOTES = 'VOTES',
}
registerEnumType(SearchOrder, {
  name: 'SearchOrder',
  valuesMap: {
    RELEVANCE: { description: 'Best match first: the question and its matching answers count together.' },
    NEWEST: { description: 'Newest question, or policy version by its publication date, first.' },
    VOTES: { description: 'Highest-scoring questions first; policy sections, which have no votes, after them by relevance.' },
  },
});

@InputType('SearchFilter', { description: 'Narrows a search. Community, tag and answered apply to questions, so setting any of them leaves policy sections out.' })
export class SearchFilter {
  @Field(() => [SearchResultType], { nullable: true, description: 'What to find; both when left out.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Choose at least one kind of result.' })
  @ArrayMaxSize(2)
  @IsEnum(SearchResultType, { each: true })
  types?: SearchResultType[] | null;

  @Field(() => String, { nullable: true, description: "Only questions asked in this community (its slug)." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  communitySlug?: string | null;

  @Field(() => String, { nullable: true, description: 'Only questions with this tag.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only questions with an answer; false: only those without.' })
  @IsOptional()
  @IsBoolean()
  answered?: boolean | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only questions asked, or policy versions published, at or after this instant.' })
  @IsOptional()
  @IsDate()
  since?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only questions asked, or policy versions published, before this instant.' })
  @IsOptional()
  @IsDate()
  before?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Also sections of superseded policy versions whose text differs from the later version's; by default only current versions are searched.",
  })
  @IsOptional()
  @IsBoolean()
  includeSupersededVersions?: boolean | null;
}

@ObjectType('SearchHit', { description: 'A question found by search, with its answers counted in: one result per question.' })
export class SearchHitModel {
  @Field(() => String, {
    description:
      'Plain text around the matched words (Markdown read as the page shows it), with the matched words in <mark>…</mark>; everything else is HTML-escaped.',
  })
  snippet: string;

  @Field(() => Float)
  rank: number;

  @Field(() => Int, { description: 'How many of its answers match.' })
  matchingAnswerCount: number;

  kind: 'question';
  questionId: string;
  /** The best-matching answer when only answers match: the snippet is from it. */
  answerId: string | null;
}

@ObjectType('PolicySectionHit', { description: 'A section of a policy version found by search.' })
export class PolicySectionHitModel {
  @Field(() => String, { description: 'As SearchHit.snippet: plain text with the matched words in <mark>…</mark>.' })
  snippet: string;

  @Field(() => Float)
  rank: number;

  @Field(() => Boolean, { description: 'Whether the section is from the current version of its document (false for a superseded one).' })
  isCurrentVersion: boolean;

  kind: 'policySection';
  sectionId: string;
  versionId: string;
  documentId: string;
}

export const SearchResultUnion = createUnionType({
  name: 'SearchResult',
  description: 'A question or a policy section.',
  types: () => [SearchHitModel, PolicySectionHitModel] as const,
  resolveType: (result: SearchHitModel | PolicySectionHitModel) => (result.kind === 'question' ? SearchHitModel : PolicySectionHitModel),
});

@ObjectType('SearchHitEdge')
export class SearchHitEdge {
  @Field(() => SearchHitModel)
  node: SearchHitModel;

  @Field(() => String)
  cursor: string;
}

@ObjectType('SearchConnection')
export class SearchConnection {
  @Field(() => [SearchHitEdge])
  edges: SearchHitEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;

  @Field(() => Boolean, {
    description:
      `True when the words are so common that only the newest ${MAX_CANDIDATES.toLocaleString('en-GB')} matching questions, answers and policy sections of each kind were ranked and counted: there are more. Add words or filters to narrow the search.`,
  })
  totalCountIsLowerBound: boolean;
}

@ObjectType('SearchResultEdge')
export class SearchResultEdge {
  @Field(() => SearchResultUnion)
  node: SearchHitModel | PolicySectionHitModel;

  @Field(() => String)
  cursor: string;
}

@ObjectType('SearchResultConnection')
export class SearchResultConnection {
  @Field(() => [SearchResultEdge])
  edges: SearchResultEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many results the search has in all: one per question, one per policy section.' })
  totalCount: number;

  @Field(() => Boolean, {
    description:
      `True when the words are so common that only the newest ${MAX_CANDIDATES.toLocaleString('en-GB')} matching questions, answers and policy sections of each kind were ranked and counted: there are more. Add words or filters to narrow the search.`,
  })
  totalCountIsLowerBound: boolean;
}
