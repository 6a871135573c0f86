import { Inject, Injectable } from '@nestjs/common';
import escapeHtml from 'escape-html';
import { isUuid } from '../../common/ids.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { OrganisationEntity } from '../accounts/organisation.entity.js';
import { PublishedAnswers } from '../answers/published-answers.service.js';
import { CommunitiesService } from '../communities/communities.service.js';
import { PoliciesService } from '../policies/policies.service.js';
import type { PolicyDocumentEntity, PolicyVersionEntity } from '../policies/policy.entity.js';
import type { QuestionEntity } from '../questions/question.entity.js';
import { PublishedQuestions } from '../questions/published-questions.service.js';
import { QuestionsService } from '../questions/questions.service.js';
import { excerpt, paragraphs, type AtomEntry, type AtomFeed, type AtomPerson } from './atom-feed.js';

/** Entries in one feed: readers poll for what is new, not the archive. */
export const FEED_ENTRIES = 50;

/**
 * The date part of every feed's tag: URI (RFC 4151), fixed so that ids never change.
 * Entries are identified by their rows' UUIDs (urn:uuid:), which do not depend on it.
 */
const TAG_DATE = '2025';

/** What a feed shows before it has any entry: a fixed date, so an empty feed's ETag holds still. */
const NO_ENTRIES_YET = new Date('2025-01-01T00:00:00Z');

/** Where each feed is served, under the site's PUBLIC_URL. */
export const feedPaths = {
  latestQuestions: () => '/feeds/questions.atom',
  community: (slug: string) => `/feeds/communities/${encodeURIComponent(slug)}.atom`,
  tag: (slug: string) => `/feeds/tags/${encodeURIComponent(slug)}.atom`,
  answers: (questionId: string) => `/feeds/questions/${questionId}/answers.atom`,
  policyDocument: (slug: string) => `/feeds/policies/${encodeURIComponent(slug)}.atom`,
  policyChanges: () => '/feeds/policy-changes.atom',
};

type PolicyVersionWithPrevious = PolicyVersionEntity & { previousVersion: string | null };

/**
 * The site's Atom feeds, built from what the owning modules publish: only readable
 * questions and answers (PublishedQuestions, PublishedAnswers), every policy version (all
 * are public). Each method answers null for something that does not exist (or is hidden).
 */
@Injectable()
export class FeedsService {
  private readonly site: string;
  private readonly tagAuthority: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly questions: QuestionsService,
    private readonly publishedQuestions: PublishedQuestions,
    private readonly publishedAnswers: PublishedAnswers,
    private readonly communities: CommunitiesService,
    private readonly policies: PoliciesService,
    private readonly accounts: AccountsService,
  ) {
    this.site = config.publicUrl;
    this.tagAuthority = new URL(config.publicUrl).hostname;
  }

  async latestQuestions(): Promise<AtomFeed> {
    const questions = await this.publishedQuestions.newest({}, FEED_ENTRIES);
    return this.feed({
      id: this.feedId('questions'),
      title: 'Policy Commons: latest questions',
      subtitle: 'New questions in every community.',
      path: feedPaths.latestQuestions(),
      pagePath: '/',
      entries: await this.questionEntries(questions),
      since: NO_ENTRIES_YET,
    });
  }

  async communityQuestions(slug: string): Promise<AtomFeed | null> {
    const community = await this.communities.findBySlug(slug);
    if (!community) return null;
    const questions = await this.publishedQuestions.newest({ communityId: community.id }, FEED_ENTRIES);
    return this.feed({
      id: this.feedId(`community:${community.id}`),
      title: `${community.title}: latest questions`,
      subtitle: community.description,
      path: feedPaths.community(community.slug),
      pagePath: `/c/${encodeURIComponent(community.slug)}`,
      entries: await this.questionEntries(questions),
      since: community.createdAt,
    });
  }

  async tagQuestions(slug: string): Promise<AtomFeed | null> {
    // Tags are lower case; the tag page takes any case (as the question list does), so its feed link may too.
    const tag = await this.publishedQuestions.findTag(slug.trim().toLowerCase());
    if (!tag) return null;
    const questions = await this.publishedQuestions.newest({ tagId: tag.id }, FEED_ENTRIES);
    return this.feed({
      id: this.feedId(`tag:${tag.id}`),
      title: `Policy Commons: questions tagged ${tag.slug}`,
      path: feedPaths.tag(tag.slug),
      pagePath: `/t/${encodeURIComponent(tag.slug)}`,
      entries: await this.questionEntries(questions),
      since: tag.createdAt,
    });
  }

  /** A readable question's newest answers; a hidden or deleted question has no feed. */
  async questionAnswers(questionId: string): Promise<AtomFeed | null> {
    const question = isUuid(questionId) ? await this.questions.find(questionId) : null;
    if (!question || question.hiddenAt || question.deletedAt) return null;
    const answers = await this.publishedAnswers.newestForQuestion(question.id, FEED_ENTRIES);
    const authors = await this.people(answers.map((answer) => answer.authorId));
    return this.feed({
      id: this.feedId(`question:${question.id}:answers`),
      title: `Answers to “${question.title}”`,
      path: feedPaths.answers(question.id),
      pagePath: `/q/${question.id}`,
      since: question.createdAt,
      entries: answers.map((answer) => {
        const author = authors.get(answer.authorId);
        return {
          id: `urn:uuid:${answer.id}`,
          title: `Answer by ${author?.name ?? 'a member'} to “${question.title}”`,
          link: `${this.site}/q/${question.id}#answer-${answer.id}`,
          published: answer.createdAt,
          updated: answer.updatedAt,
          authors: author ? [author] : [],
          summary: excerpt(answer.body),
          contentHtml: paragraphs(answer.body),
        };
      }),
    });
  }

  /** A policy document's versions, newest first, each linked to what changed since the one before. */
  async documentVersions(slug: string): Promise<AtomFeed | null> {
    const document = await this.policies.findDocumentBySlug(slug);
    if (!document) return null;
    // Oldest first, so each version's predecessor is the one before it.
    const versions = await this.policies.versionsByDocumentIds([document.id]);
    const withPrevious = versions.map((version, index) => ({ ...version, previousVersion: versions[index - 1]?.version ?? null }));
    const [organisation] = await this.policies.organisationsByIds([document.organisationId]);
    return this.feed({
      id: this.feedId(`policy:${document.id}`),
      title: `${document.title}: new versions`,
      subtitle: organisation ? `Published by ${organisation.name}.` : undefined,
      path: feedPaths.policyDocument(document.slug),
      pagePath: `/policies/${encodeURIComponent(document.slug)}`,
      since: document.createdAt,
      entries: withPrevious
        .reverse()
        .slice(0, FEED_ENTRIES)
        .map((version) => this.versionEntry(version, document, organisation)),
    });
  }

  /** Every new version of every policy document, most recently published first. */
  async policyChanges(): Promise<AtomFeed> {
    const versions = await this.policies.latestVersions(FEED_ENTRIES);
    const documents = new Map((versions.length ? await this.policies.documentsByIds(unique(versions.map((v) => v.documentId))) : []).map((d) => [d.id, d]));
    const organisationIds = unique([...documents.values()].map((d) => d.organisationId));
    const organisations = new Map((organisationIds.length ? await this.policies.organisationsByIds(organisationIds) : []).map((o) => [o.id, o]));
    return this.feed({
      id: this.feedId('policy-changes'),
      title: 'Policy Commons: policy changes',
      subtitle: 'Every new version of every policy document in the library.',
      path: feedPaths.policyChanges(),
      pagePath: '/policies',
      since: NO_ENTRIES_YET,
      entries: versions.flatMap((version) => {
        const document = documents.get(version.documentId);
        return document ? [this.versionEntry(version, document, organisations.get(document.organisationId))] : [];
      }),
    });
  }

  private versionEntry(version: PolicyVersionWithPrevious, document: PolicyDocumentEntity, organisation: OrganisationEntity | undefined): AtomEntry {
    const base = `${this.site}/policies/${encodeURIComponent(document.slug)}`;
    const versionPage = `${base}/${version.version}`;
    const diff = version.previousVersion ? `${base}/diff?from=${version.previousVersion}&to=${version.version}` : null;
    const contributors = version.contributors.map((contributor) => ({ name: contributor.role ? `${contributor.name} (${contributor.role})` : contributor.name }));
    // The organisation's own date for the version; never after it appeared here.
    const publishedOn = new Date(`${version.publishedOn}T00:00:00Z`);
    const published = publishedOn < version.publishedAt ? publishedOn : version.publishedAt;
    return {
      id: `urn:uuid:${version.id}`,
      title: `${document.title}, version ${version.version}`,
      link: diff ?? versionPage,
      published,
      updated: version.publishedAt,
      authors: [organisation ? { name: organisation.name, uri: `${this.site}/o/${encodeURIComponent(organisation.slug)}` } : { name: 'Policy Commons' }],
      contributors,
      summary: version.summaryOfChanges,
      contentHtml: [
        paragraphs(version.summaryOfChanges),
        contributors.length ? `<p>Contributors: ${contributors.map((c) => escapeHtml(c.name)).join('; ')}</p>` : '',
        `<p>${diff ? `<a href="${escapeHtml(diff)}">What changed since version ${escapeHtml(version.previousVersion)}</a> · ` : ''}<a href="${escapeHtml(versionPage)}">Read version ${escapeHtml(version.version)}</a></p>`,
      ]
        .filter(Boolean)
        .join('\n'),
    };
  }

  private async questionEntries(questions: QuestionEntity[]): Promise<AtomEntry[]> {
    if (!questions.length) return [];
    const [authors, communities, tags] = await Promise.all([
      this.people(questions.map((q) => q.authorId)),
      this.communities.byIds(unique(questions.map((q) => q.communityId))),
      this.questions.tagsByQuestionIds(questions.map((q) => q.id)),
    ]);
    const communityById = new Map(communities.map((c) => [c.id, c]));
    return questions.map((question) => {
      const author = authors.get(question.authorId);
      const community = communityById.get(question.communityId);
      return {
        id: `urn:uuid:${question.id}`,
        title: question.title,
        link: `${this.site}/q/${question.id}`,
        published: question.createdAt,
        updated: question.updatedAt,
        authors: author ? [author] : [],
        categories: [
          ...(community ? [{ term: community.slug, scheme: `${this.site}/c/`, label: community.title }] : []),
          ...tags.filter((tag) => tag.questionId === question.id).map((tag) => ({ term: tag.slug, scheme: `${this.site}/t/` })),
        ],
        summary: excerpt(question.body),
        contentHtml: paragraphs(question.body),
      };
    });
  }

  private async people(userIds: string[]): Promise<Map<string, AtomPerson>> {
    const ids = unique(userIds);
    const users = ids.length ? await this.accounts.usersByIds(ids) : [];
    return new Map(users.map((user) => [user.id, { name: user.displayName, uri: `${this.site}/u/${user.id}` }]));
  }

  private feedId(name: string): string {
    return `tag:${this.tagAuthority},${TAG_DATE}:feeds:${name}`;
  }

  /** A feed's `updated` is its newest entry's (RFC 4287 4.2.15); before it has any, `since`. */
  private feed(parts: { id: string; title: string; subtitle?: string; path: string; pagePath: string; entries: AtomEntry[]; since: Date }): AtomFeed {
    const newest = parts.entries.length ? new Date(Math.max(...parts.entries.map((entry) => entry.updated.getTime()))) : parts.since;
    return {
      id: parts.id,
      title: parts.title,
      subtitle: parts.subtitle,
      selfUrl: `${this.site}${parts.path}`,
      pageUrl: `${this.site}${parts.pagePath}`,
      updated: newest,
      author: { name: 'Policy Commons', uri: `${this.site}/` },
      entries: parts.entries,
    };
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
