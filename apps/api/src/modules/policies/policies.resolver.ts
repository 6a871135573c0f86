import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { WordDiff } from '@policy-commons/policies';
import { CurrentViewer, Loaders, OptionalViewer, SignedInGuard } from '../../common/auth.js';
import { RateLimit } from '../../common/rate-limits.js';
import { byKeys, groupByKeys, type RequestLoaders } from '../../common/loaders.js';
import { firstArg, pageSize } from '../../common/pagination.js';
import type { Viewer } from '../../common/request-context.js';
import { OrganisationModel } from '../accounts/accounts.model.js';
import { can } from '../access/access.policy.js';
import { AdaptPolicyDocumentInput, CreatePolicyDocumentInput, PublishPolicyVersionInput, SavePolicyDraftInput } from './dto/policy.input.js';
import { PoliciesService } from './policies.service.js';
import type { PolicyDocumentEntity, PolicyDraftEntity, PolicySectionEntity, PolicyVersionEntity } from './policy.entity.js';
import {
  PolicyDiffModel,
  PolicyDocumentModel,
  PolicyDraftModel,
  PolicySectionModel,
  PolicyVersionModel,
  SectionChangeKind,
  WordChangeKind,
  type SectionChangeModel,
  type WordChangeModel,
} from './policy.model.js';

export const toDocumentModel = (d: PolicyDocumentEntity): PolicyDocumentModel => ({
  id: d.id,
  slug: d.slug,
  title: d.title,
  organisationId: d.organisationId,
  adaptedFromVersionId: d.adaptedFromVersionId,
});

export const toVersionModel = (v: PolicyVersionEntity): PolicyVersionModel => ({
  id: v.id,
  version: v.version,
  publishedOn: new Date(`${v.publishedOn}T00:00:00Z`),
  summaryOfChanges: v.summaryOfChanges,
  contributors: v.contributors,
  licence: v.licence,
  markdown: v.body,
  documentId: v.documentId,
  major: v.major,
  minor: v.minor,
  ownSupersededNotice: v.supersededNotice,
});

export const toSectionModel = (s: PolicySectionEntity): PolicySectionModel => ({
  id: s.id,
  versionId: s.versionId,
  anchor: s.anchor,
  title: s.title,
  body: s.body,
  level: s.level,
  parentAnchor: s.parentAnchor,
});

const toDraftModel = (d: PolicyDraftEntity): PolicyDraftModel => ({ documentId: d.documentId, markdown: d.markdown, updatedAt: d.updatedAt });

const toWords = (words: WordDiff[] | undefined): WordChangeModel[] =>
  (words ?? []).map((w) => ({ kind: w.kind === 'added' ? WordChangeKind.ADDED : w.kind === 'removed' ? WordChangeKind.REMOVED : WordChangeKind.SAME, text: w.text }));

export function loadDocument(loaders: RequestLoaders, policies: PoliciesService, id: string): Promise<PolicyDocumentModel> {
  return loaders
    .get<string, PolicyDocumentModel>('policies.documentById', async (ids) =>
      byKeys(ids, await policies.documentsByIds(ids), (d) => d.id, (missing) => new Error(`policy document ${missing} not found`), toDocumentModel),
    )
    .load(id);
}

export function loadVersion(loaders: RequestLoaders, policies: PoliciesService, id: string): Promise<PolicyVersionModel> {
  return loaders
    .get<string, PolicyVersionModel>('policies.versionById', async (ids) =>
      byKeys(ids, await policies.versionsByIds(ids), (v) => v.id, (missing) => new Error(`policy version ${missing} not found`), toVersionModel),
    )
    .load(id);
}

export function loadSection(loaders: RequestLoaders, policies: PoliciesService, id: string): Promise<PolicySectionModel> {
  return loaders
    .get<string, PolicySectionModel>('policies.sectionById', async (ids) =>
      byKeys(ids, await policies.sectionsByIds(ids), (s) => s.id, (missing) => new Error(`policy section ${missing} not found`), toSectionModel),
    )
    .load(id);
}

/** A document's versions, oldest first. */
export function loadVersionsOf(loaders: RequestLoaders, policies: PoliciesService, documentId: string): Promise<PolicyVersionModel[]> {
  return loaders
    .get<string, PolicyVersionModel[]>('policies.versionsByDocumentId', async (ids) =>
      groupByKeys(ids, await policies.versionsByDocumentIds(ids), (v) => v.documentId).map((vs) => vs.map(toVersionModel)),
    )
    .load(documentId);
}

export function loadSectionsOf(loaders: RequestLoaders, policies: PoliciesService, versionId: string): Promise<PolicySectionModel[]> {
  return loaders
    .get<string, PolicySectionModel[]>('policies.sectionsByVersionId', async (ids) =>
      groupByKeys(ids, await policies.sectionsByVersionIds(ids), (s) => s.versionId).map((ss) => ss.map(toSectionModel)),
    )
    .load(versionId);
}

export function loadOrganisation(loaders: RequestLoaders, policies: PoliciesService, id: string): Promise<OrganisationModel> {
  return loaders
    .get<string, OrganisationModel>('policies.organisationById', async (ids) =>
      byKeys(ids, await policies.organisationsByIds(ids), (o) => o.id, (missing) => new Error(`organisation ${missing} not found`), (o) => ({
        id: o.id,
        slug: o.slug,
        name: o.name,
      })),
    )
    .load(id);
}

/** Whether the viewer writes policies for the organisation (the permission policy decides). */
function mayAuthor(viewer: Viewer | null, organisationId: string): boolean {
  return can(viewer, 'author-policies', { kind: 'organisation', organisationId }).allowed;
}

@Resolver(() => PolicyDocumentModel)
export class PoliciesResolver {
  constructor(private readonly policies: PoliciesService) {}

  @Query(() => [PolicyDocumentModel], { description: 'By title; only one organisation\'s when organisationSlug is given.' })
  async policyDocuments(
    @Args('organisationSlug', { type: () => String, nullable: true, defaultValue: null }) organisationSlug: string | null,
    @Args('first', firstArg(100)) first: number | null,
  ): Promise<PolicyDocumentModel[]> {
    return (await this.policies.listDocuments(organisationSlug, pageSize(first, 100))).map(toDocumentModel);
  }

  @Query(() => PolicyDocumentModel, { nullable: true })
  async policyDocument(@Args('slug', { type: () => String }) slug: string): Promise<PolicyDocumentModel | null> {
    const document = await this.policies.findDocumentBySlug(slug);
    return document ? toDocumentModel(document) : null;
  }

  @Query(() => PolicyVersionModel, { nullable: true })
  async policyVersion(@Args('slug', { type: () => String }) slug: string, @Args('version', { type: () => String }) version: string): Promise<PolicyVersionModel | null> {
    const found = await this.policies.findVersion(slug, version);
    return found ? toVersionModel(found) : null;
  }

  @Query(() => PolicyDiffModel, { description: 'Section by section, what changed between two versions of a document.' })
  @RateLimit('diff')
  async policyDiff(
    @Args('slug', { type: () => String }) slug: string,
    @Args('from', { type: () => String }) from: string,
    @Args('to', { type: () => String }) to: string,
  ): Promise<PolicyDiffModel> {
    const diff = await this.policies.diff(slug, from, to);
    const fromByAnchor = new Map(diff.fromSections.map((s) => [s.anchor, s]));
    const toByAnchor = new Map(diff.toSections.map((s) => [s.anchor, s]));
    return {
      from: toVersionModel(diff.from),
      to: toVersionModel(diff.to),
      sections: diff.changes.map(
        (change): SectionChangeModel => ({
          anchor: change.anchor,
          title: change.title,
          change: SectionChangeKind[change.change],
          moved: change.moved,
          fromTitle: change.from?.title ?? null,
          fromBody: fromByAnchor.get(change.anchor)?.body ?? null,
          toBody: change.to ? (toByAnchor.get(change.anchor)?.body ?? null) : null,
          fromParentAnchor: change.from?.parentAnchor ?? null,
          toParentAnchor: change.to?.parentAnchor ?? null,
          words: toWords(change.words),
          titleWords: toWords(change.titleWords),
        }),
      ),
    };
  }

  @Mutation(() => PolicyDocumentModel)
  @UseGuards(SignedInGuard)
  async createPolicyDocument(@Args('input') input: CreatePolicyDocumentInput, @CurrentViewer() viewer: Viewer): Promise<PolicyDocumentModel> {
    return toDocumentModel(await this.policies.createDocument(viewer, input));
  }

  @Mutation(() => PolicyDraftModel)
  @UseGuards(SignedInGuard)
  async savePolicyDraft(@Args('input') input: SavePolicyDraftInput, @CurrentViewer() viewer: Viewer): Promise<PolicyDraftModel> {
    return toDraftModel(await this.policies.saveDraft(viewer, input));
  }

  @Mutation(() => PolicyVersionModel)
  @UseGuards(SignedInGuard)
  async publishPolicyVersion(@Args('input') input: PublishPolicyVersionInput, @CurrentViewer() viewer: Viewer): Promise<PolicyVersionModel> {
    return toVersionModel(await this.policies.publish(viewer, input));
  }

  @Mutation(() => PolicyDocumentModel)
  @UseGuards(SignedInGuard)
  async adaptPolicyDocument(@Args('input') input: AdaptPolicyDocumentInput, @CurrentViewer() viewer: Viewer): Promise<PolicyDocumentModel> {
    return toDocumentModel(await this.policies.adapt(viewer, input));
  }

  @ResolveField(() => OrganisationModel)
  organisation(@Parent() document: PolicyDocumentModel, @Loaders() loaders: RequestLoaders): Promise<OrganisationModel> {
    return loadOrganisation(loaders, this.policies, document.organisationId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'For an adaptation, its lineage in words: adapted by whom, from which document, version and organisation.',
  })
  async adaptationNotice(@Parent() document: PolicyDocumentModel, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    if (!document.adaptedFromVersionId) return null;
    const version = await loadVersion(loaders, this.policies, document.adaptedFromVersionId);
    const source = await loadDocument(loaders, this.policies, version.documentId);
    const [by, from] = await Promise.all([
      loadOrganisation(loaders, this.policies, document.organisationId),
      loadOrganisation(loaders, this.policies, source.organisationId),
    ]);
    return `Adapted by ${by.name} from "${source.title}" version ${version.version} by ${from.name}.`;
  }

  @ResolveField(() => [PolicyVersionModel], { description: 'The latest versions (first of them), oldest first; the last is the latest.' })
  async versions(
    @Parent() document: PolicyDocumentModel,
    @Args('first', firstArg(50, 'How many of the latest versions, at most 100.')) first: number | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<PolicyVersionModel[]> {
    const size = pageSize(first, 50);
    // Every version is read once per document anyway (latestVersion, supersededBy need them); only its authors can add one.
    return (await loadVersionsOf(loaders, this.policies, document.id)).slice(-size);
  }

  @ResolveField(() => PolicyVersionModel, { nullable: true })
  async latestVersion(@Parent() document: PolicyDocumentModel, @Loaders() loaders: RequestLoaders): Promise<PolicyVersionModel | null> {
    return (await loadVersionsOf(loaders, this.policies, document.id)).at(-1) ?? null;
  }

  @ResolveField(() => PolicyDraftModel, { nullable: true, description: "Visible to the organisation's policy authors only." })
  async draft(@Parent() document: PolicyDocumentModel, @Loaders() loaders: RequestLoaders, @OptionalViewer() viewer: Viewer | null): Promise<PolicyDraftModel | null> {
    if (!mayAuthor(viewer, document.organisationId)) return null;
    return loaders
      .get<string, PolicyDraftModel | null>('policies.draftByDocumentId', async (ids) =>
        byKeys(ids, await this.policies.draftsByDocumentIds(ids), (d) => d.documentId, () => null, toDraftModel),
      )
      .load(document.id);
  }

  @ResolveField(() => Boolean, { description: "Whether the signed-in person may edit drafts and publish versions of this document." })
  canAuthor(@Parent() document: PolicyDocumentModel, @OptionalViewer() viewer: Viewer | null): boolean {
    return mayAuthor(viewer, document.organisationId);
  }

  @ResolveField(() => PolicyVersionModel, { nullable: true, description: "The version of another document this one was adapted from." })
  adaptedFrom(@Parent() document: PolicyDocumentModel, @Loaders() loaders: RequestLoaders): Promise<PolicyVersionModel> | null {
    return document.adaptedFromVersionId ? loadVersion(loaders, this.policies, document.adaptedFromVersionId) : null;
  }

  @ResolveField(() => [PolicyDocumentModel], { description: 'Documents adapted from any version of this one, oldest first.' })
  async adaptations(@Parent() document: PolicyDocumentModel, @Args('first', firstArg(20)) first: number | null, @Loaders() loaders: RequestLoaders): Promise<PolicyDocumentModel[]> {
    const size = pageSize(first, 20);
    const adaptations = await loaders
      .get<string, PolicyDocumentModel[]>('policies.adaptationsByDocumentId', async (ids) =>
        groupByKeys(ids, await this.policies.adaptationsOf(ids), (d) => d.sourceDocumentId).map((ds) => ds.map(toDocumentModel)),
      )
      .load(document.id);
    return adaptations.slice(0, size);
  }
}

@Resolver(() => PolicyVersionModel)
export class PolicyVersionsResolver {
  constructor(private readonly policies: PoliciesService) {}

  @ResolveField(() => PolicyDocumentModel)
  document(@Parent() version: PolicyVersionModel, @Loaders() loaders: RequestLoaders): Promise<PolicyDocumentModel> {
    return loadDocument(loaders, this.policies, version.documentId);
  }

  @ResolveField(() => [PolicySectionModel], { description: 'In document order.' })
  sections(@Parent() version: PolicyVersionModel, @Loaders() loaders: RequestLoaders): Promise<PolicySectionModel[]> {
    return loadSectionsOf(loaders, this.policies, version.id);
  }

  @ResolveField(() => PolicyVersionModel, { nullable: true, description: 'The next version of the document, once there is one.' })
  async supersededBy(@Parent() version: PolicyVersionModel, @Loaders() loaders: RequestLoaders): Promise<PolicyVersionModel | null> {
    const versions = await loadVersionsOf(loaders, this.policies, version.documentId);
    const index = versions.findIndex((v) => v.id === version.id);
    return versions[index + 1] ?? null;
  }

  @ResolveField(() => PolicyVersionModel, { nullable: true, description: 'The newest version of the document when it is not this one.' })
  async latestVersion(@Parent() version: PolicyVersionModel, @Loaders() loaders: RequestLoaders): Promise<PolicyVersionModel | null> {
    const latest = (await loadVersionsOf(loaders, this.policies, version.documentId)).at(-1);
    return latest && latest.id !== version.id ? latest : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'For a superseded version: the notice of the newest later version that carries one, pointing readers at it.',
  })
  async supersededNotice(@Parent() version: PolicyVersionModel, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    const versions = await loadVersionsOf(loaders, this.policies, version.documentId);
    const later = versions.slice(versions.findIndex((v) => v.id === version.id) + 1);
    if (later.length === 0) return null;
    const latest = later.at(-1) as PolicyVersionModel;
    return [...later].reverse().find((v) => v.ownSupersededNotice)?.ownSupersededNotice ?? `This version is superseded by version ${latest.version}.`;
  }
}
