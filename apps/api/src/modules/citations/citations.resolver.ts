import { UseGuards } from '@nestjs/common';
import { Args, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectsOnly } from '../../common/graphql-selection.js';
import { CurrentViewer, Loaders, SignedInGuard } from '../../common/auth.js';
import { RateLimit } from '../../common/rate-limits.js';
import { afterAnswersOf, groupByKeys, postKeyOf, splitPostKeys, type PostKey, type RequestLoaders } from '../../common/loaders.js';
import { firstArg, pageSize, PER_PARENT_LIMIT } from '../../common/pagination.js';
import type { Viewer } from '../../common/request-context.js';
import { AnswerModel } from '../answers/answer.model.js';
import { loadAnswer, toAnswerModel } from '../answers/answers.resolver.js';
import { AnswersService } from '../answers/answers.service.js';
import { loadDocument, loadSection, loadSectionsOf, loadVersion } from '../policies/policies.resolver.js';
import { PoliciesService } from '../policies/policies.service.js';
import { PolicyDocumentModel, PolicyDraftModel, PolicySectionModel, PolicyVersionModel, SectionChangeKind } from '../policies/policy.model.js';
import { QuestionModel } from '../questions/question.model.js';
import { loadQuestion } from '../questions/questions.resolver.js';
import { QuestionsService } from '../questions/questions.service.js';
import { CitationModel, CitationResolutionModel, CitationStatus, DraftCitationImpactModel } from './citation.model.js';
import { CitationsService, MAX_PREVIEWED_REFERENCES, type CitationRow } from './citations.service.js';

export const toCitationModel = (c: CitationRow): CitationModel => ({
  id: c.id,
  reference: c.reference,
  status: c.status,
  latestReference: c.latestReference,
  documentId: c.documentId,
  versionId: c.versionId,
  sectionId: c.sectionId,
  latestVersionId: c.latestVersionId,
  changedInVersionId: c.changedInVersionId,
  questionId: c.questionId,
  answerId: c.answerId,
  shown: {
    documentSlug: c.documentSlug,
    documentTitle: c.documentTitle,
    version: c.version,
    latestVersion: c.latestVersion,
    changedInVersion: c.changedInVersion,
    sectionAnchor: c.anchor,
    sectionTitle: c.sectionTitle,
  },
});

/*
 * A citation chip shows the document's slug and title, version numbers and the section's
 * anchor and title, which the citation's own statement already joins. When a query asks
 * for no more than that, the citation answers from its row; anything more loads the
 * object as before. On a question page this saves six statements (documents, versions
 * and sections, for the question's citations and again for its answers').
 */
const DOCUMENT_SHOWN = ['id', 'slug', 'title'];
const VERSION_SHOWN = ['id', 'version'];
const SECTION_SHOWN = ['id', 'anchor', 'title'];
const versionShown = (id: string, version: string) => ({ id, version }) as PolicyVersionModel;

const STALE = new Set([CitationStatus.CHANGED, CitationStatus.REMOVED]);

/** A document's citations (or only its stale ones), newest first: up to PER_PARENT_LIMIT per document. */
function documentCitations(loaders: RequestLoaders, citations: CitationsService, documentId: string, staleOnly: boolean): Promise<CitationModel[]> {
  return loaders
    .get<string, CitationModel[]>(staleOnly ? 'citations.staleByDocumentId' : 'citations.byDocumentId', async (ids) =>
      groupByKeys(ids, await citations.forDocuments(ids, { perDocument: PER_PARENT_LIMIT, staleOnly }), (c) => c.documentId).map((cs) => cs.map(toCitationModel)),
    )
    .load(documentId);
}

@Resolver(() => CitationModel)
export class CitationsResolver {
  constructor(
    private readonly citations: CitationsService,
    private readonly policies: PoliciesService,
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
  ) {}

  @Query(() => [CitationResolutionModel], {
    description: `For an editor's preview: what each reference would cite if the post were saved now (with its status), or why the save would refuse it. At most ${MAX_PREVIEWED_REFERENCES} references, in the order given.`,
  })
  @RateLimit('preview')
  async resolveCitations(@Args('references', { type: () => [String] }) references: string[]): Promise<CitationResolutionModel[]> {
    return (await this.citations.preview(references)).map(({ reference, citation, problem }) => ({ reference, citation: citation ? toCitationModel(citation) : null, problem }));
  }

  @Mutation(() => AnswerModel, {
    description:
      "Moves one citation of the answer to the latest version of its document, rewriting the reference in the answer's Markdown (recorded as an edit). Refused when the section was removed.",
  })
  @UseGuards(SignedInGuard)
  async updateCitationToLatest(
    @Args('answerId', { type: () => ID }) answerId: string,
    @Args('reference', { type: () => String }) reference: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AnswerModel> {
    return toAnswerModel(await this.citations.updateToLatest(viewer, answerId, reference));
  }

  @Mutation(() => AnswerModel, {
    description: "Moves every citation of the answer whose section still exists to the latest version, as one edit. Citations of removed sections are left as they are.",
  })
  @UseGuards(SignedInGuard)
  async refreshCitations(@Args('answerId', { type: () => ID }) answerId: string, @CurrentViewer() viewer: Viewer): Promise<AnswerModel> {
    return toAnswerModel(await this.citations.refreshAll(viewer, answerId));
  }

  @ResolveField(() => PolicyDocumentModel)
  document(@Parent() citation: CitationModel, @Loaders() loaders: RequestLoaders, @Info() info: GraphQLResolveInfo): Promise<PolicyDocumentModel> | PolicyDocumentModel {
    if (selectsOnly(info, DOCUMENT_SHOWN)) return { id: citation.documentId, slug: citation.shown.documentSlug, title: citation.shown.documentTitle } as PolicyDocumentModel;
    return loadDocument(loaders, this.policies, citation.documentId);
  }

  @ResolveField(() => PolicyVersionModel)
  version(@Parent() citation: CitationModel, @Loaders() loaders: RequestLoaders, @Info() info: GraphQLResolveInfo): Promise<PolicyVersionModel> | PolicyVersionModel {
    if (selectsOnly(info, VERSION_SHOWN)) return versionShown(citation.versionId, citation.shown.version);
    return loadVersion(loaders, this.policies, citation.versionId);
  }

  @ResolveField(() => PolicySectionModel)
  section(@Parent() citation: CitationModel, @Loaders() loaders: RequestLoaders, @Info() info: GraphQLResolveInfo): Promise<PolicySectionModel> | PolicySectionModel {
    if (selectsOnly(info, SECTION_SHOWN)) return { id: citation.sectionId, anchor: citation.shown.sectionAnchor, title: citation.shown.sectionTitle } as PolicySectionModel;
    return loadSection(loaders, this.policies, citation.sectionId);
  }

  @ResolveField(() => PolicySectionModel, {
    nullable: true,
    description: 'The section with the same anchor in the latest version; null when it was removed.',
  })
  async latestSection(@Parent() citation: CitationModel, @Loaders() loaders: RequestLoaders): Promise<PolicySectionModel | null> {
    const [cited, sections] = await Promise.all([
      loadSection(loaders, this.policies, citation.sectionId),
      loadSectionsOf(loaders, this.policies, citation.latestVersionId),
    ]);
    return sections.find((section) => section.anchor === cited.anchor) ?? null;
  }

  @ResolveField(() => PolicyVersionModel)
  latestVersion(@Parent() citation: CitationModel, @Loaders() loaders: RequestLoaders, @Info() info: GraphQLResolveInfo): Promise<PolicyVersionModel> | PolicyVersionModel {
    if (selectsOnly(info, VERSION_SHOWN)) return versionShown(citation.latestVersionId, citation.shown.latestVersion);
    return loadVersion(loaders, this.policies, citation.latestVersionId);
  }

  @ResolveField(() => PolicyVersionModel, {
    nullable: true,
    description:
      'The first version after the cited one in which the cited section changed or was removed (which need not be the latest); null while no later version has touched it.',
  })
  changedIn(@Parent() citation: CitationModel, @Loaders() loaders: RequestLoaders, @Info() info: GraphQLResolveInfo): Promise<PolicyVersionModel> | PolicyVersionModel | null {
    if (!citation.changedInVersionId) return null;
    if (selectsOnly(info, VERSION_SHOWN)) return versionShown(citation.changedInVersionId, citation.shown.changedInVersion as string);
    return loadVersion(loaders, this.policies, citation.changedInVersionId);
  }

  @ResolveField(() => QuestionModel, { nullable: true, description: 'Set when a question cites; exactly one of question/answer is set.' })
  question(@Parent() citation: CitationModel, @Loaders() loaders: RequestLoaders): Promise<QuestionModel> | null {
    return citation.questionId ? loadQuestion(loaders, this.questions, citation.questionId) : null;
  }

  @ResolveField(() => AnswerModel, { nullable: true, description: 'Set when an answer cites.' })
  answer(@Parent() citation: CitationModel, @Loaders() loaders: RequestLoaders): Promise<AnswerModel> | null {
    return citation.answerId ? loadAnswer(loaders, this.answers, citation.answerId) : null;
  }
}

/** A post's citations in order; questions' and answers' come in one batch (see PostKey). */
function loadCitationsOf(loaders: RequestLoaders, citations: CitationsService, post: PostKey): Promise<CitationModel[]> {
  return loaders
    .get<PostKey, CitationModel[]>('citations.byPost', async (keys) => {
      const { questionIds, answerIds } = splitPostKeys(keys);
      return groupByKeys(keys, await citations.forPosts(questionIds, answerIds, PER_PARENT_LIMIT), postKeyOf).map((cs) => cs.map(toCitationModel));
    })
    .load(post);
}

@Resolver(() => QuestionModel)
export class QuestionCitationsResolver {
  constructor(private readonly citationsService: CitationsService) {}

  @ResolveField(() => [CitationModel], { description: 'The policy sections the question cites, in order.' })
  async citations(@Parent() question: QuestionModel, @Args('first', firstArg(20)) first: number | null, @Loaders() loaders: RequestLoaders): Promise<CitationModel[]> {
    const size = pageSize(first, 20);
    await afterAnswersOf(loaders, question.id);
    return (await loadCitationsOf(loaders, this.citationsService, `question:${question.id}`)).slice(0, size);
  }
}

@Resolver(() => AnswerModel)
export class AnswerCitationsResolver {
  constructor(private readonly citationsService: CitationsService) {}

  @ResolveField(() => [CitationModel], { description: 'The policy sections the answer cites, in order.' })
  async citations(@Parent() answer: AnswerModel, @Args('first', firstArg(20)) first: number | null, @Loaders() loaders: RequestLoaders): Promise<CitationModel[]> {
    const size = pageSize(first, 20);
    return (await loadCitationsOf(loaders, this.citationsService, `answer:${answer.id}`)).slice(0, size);
  }
}

@Resolver(() => PolicyDocumentModel)
export class DocumentCitationsResolver {
  constructor(private readonly citations: CitationsService) {}

  @ResolveField(() => [CitationModel], { description: 'Citations of any version of this document, newest first, each with its status.' })
  async citedBy(@Parent() document: PolicyDocumentModel, @Args('first', firstArg(50)) first: number | null, @Loaders() loaders: RequestLoaders): Promise<CitationModel[]> {
    const size = pageSize(first, 50);
    return (await documentCitations(loaders, this.citations, document.id, false)).slice(0, size);
  }

  @ResolveField(() => [CitationModel], { description: 'The citations whose section a later version changed or removed, newest first.' })
  async staleCitations(@Parent() document: PolicyDocumentModel, @Args('first', firstArg(50)) first: number | null, @Loaders() loaders: RequestLoaders): Promise<CitationModel[]> {
    const size = pageSize(first, 50);
    return (await documentCitations(loaders, this.citations, document.id, true)).filter((c) => STALE.has(c.status)).slice(0, size);
  }
}

@Resolver(() => PolicyDraftModel)
export class DraftCitationsResolver {
  constructor(private readonly citations: CitationsService) {}

  @ResolveField(() => [DraftCitationImpactModel], {
    description: 'Citations that are not stale now but would be if this draft were published: their section is changed or removed in it.',
  })
  async citationsMadeStale(@Parent() draft: PolicyDraftModel, @Args('first', firstArg(50)) first: number | null): Promise<DraftCitationImpactModel[]> {
    const size = pageSize(first, 50);
    // A draft is only shown to its document's authors, one at a time, so no batching is
    // needed; every citation of the document is weighed, and the first `first` reported.
    return (await this.citations.draftImpact(draft.documentId, draft.markdown)).slice(0, size).map(({ citation, change }) => ({
      citation: toCitationModel(citation),
      change: SectionChangeKind[change],
    }));
  }
}
