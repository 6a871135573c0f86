import type { Answer, BreadcrumbList, DigitalDocument, ListItem, Organization, Person, QAPage, Question, WebSite, WithContext } from 'schema-dts';
import { SITE_NAME } from '../layout/page-title';
import { plainText } from './plain-text';
import { absoluteUrl } from './site-origin';

// Builders for the schema.org JSON-LD of public pages. Each result `satisfies` schema-dts's
// type (checked against schema.org at compile time) while keeping its literal shape, so
// the specs can read the properties search engines require without narrowing unions.

/** Who wrote a post, as the question page's query has them. */
export interface PostAuthor {
  id: string;
  displayName: string;
}

export interface QuestionForStructuredData {
  id: string;
  title: string;
  /** Markdown. */
  body: string;
  score: number;
  createdAt: string;
  author: PostAuthor;
}

export interface AnswerForStructuredData {
  id: string;
  /** Markdown. */
  body: string;
  score: number;
  createdAt: string;
  isAccepted: boolean;
  author: PostAuthor;
}

export const questionPath = (id: string) => `/q/${encodeURIComponent(id)}`;
export const userPath = (id: string) => `/u/${encodeURIComponent(id)}`;
export const organisationPath = (slug: string) => `/o/${encodeURIComponent(slug)}`;
export const policyDocumentPath = (slug: string) => `/policies/${encodeURIComponent(slug)}`;
export const policyVersionPath = (slug: string, version: string) => `${policyDocumentPath(slug)}/${encodeURIComponent(version)}`;

function person(origin: string, author: PostAuthor) {
  return { '@type': 'Person', name: author.displayName, url: absoluteUrl(origin, userPath(author.id)) } satisfies Person;
}

function answerEntity(origin: string, pagePath: string, answer: AnswerForStructuredData) {
  return {
    '@type': 'Answer',
    text: plainText(answer.body),
    dateCreated: answer.createdAt,
    datePublished: answer.createdAt,
    // Google asks for one aggregate when a site has both up- and down-votes: the score.
    upvoteCount: answer.score,
    // The answer's own anchor on the page that shows it (answer-view.tsx renders id="answer-<id>").
    url: absoluteUrl(origin, `${pagePath}#answer-${encodeURIComponent(answer.id)}`),
    author: person(origin, answer.author),
  } satisfies Answer;
}

/** Where a long question's answers continue: the page they are on and how many there are in all. */
export interface AnswersPageForStructuredData {
  /** The path of the page showing these answers (`/q/<id>?page=2`); the question's own path by default. */
  path?: string;
  /** Every answer the question has, not only this page's. */
  answerCount?: number;
}

/**
 * A question page as Google's Q&A rich result reads it: one Question, its accepted answer
 * and the others as suggested answers. Pass only the answers a visitor can read (not
 * removed ones) on the page being described: a later page of a long question lists its
 * own answers, each linked on that page. Null when there is no answer yet: the rich result
 * requires at least one, and a QAPage without one is reported as an error rather than ignored.
 */
export function questionPageJsonLd(
  origin: string,
  question: QuestionForStructuredData,
  answers: readonly AnswerForStructuredData[],
  answersPage: AnswersPageForStructuredData = {},
) {
  if (answers.length === 0) return null;
  const pagePath = answersPage.path ?? questionPath(question.id);
  const accepted = answers.find((answer) => answer.isAccepted);
  const suggested = answers.filter((answer) => !answer.isAccepted);
  const text = plainText(question.body);
  const mainEntity = {
    '@type': 'Question',
    name: question.title,
    // A question may be all title; Google wants text, and the title is the question then.
    text: text || question.title,
    answerCount: Math.max(answersPage.answerCount ?? 0, answers.length),
    upvoteCount: question.score,
    dateCreated: question.createdAt,
    datePublished: question.createdAt,
    url: absoluteUrl(origin, questionPath(question.id)),
    author: person(origin, question.author),
    ...(accepted ? { acceptedAnswer: answerEntity(origin, pagePath, accepted) } : {}),
    ...(suggested.length > 0 ? { suggestedAnswer: suggested.map((answer) => answerEntity(origin, pagePath, answer)) } : {}),
  } satisfies Question;
  return { '@context': 'https://schema.org', '@type': 'QAPage', mainEntity } satisfies WithContext<QAPage>;
}

export interface PolicyVersionForStructuredData {
  document: {
    slug: string;
    title: string;
    organisation: { slug: string; name: string };
    /** The version this document was adapted from, when it is an adaptation. */
    adaptedFrom?: { version: string; document: { slug: string } } | null;
  };
  version: string;
  publishedOn: string;
  summaryOfChanges?: string | null;
  contributors?: readonly { name: string }[];
}

/** One published version of a policy document, authored and published by its organisation. */
export function policyVersionJsonLd(origin: string, policy: PolicyVersionForStructuredData) {
  const { document } = policy;
  const organisation = {
    '@type': 'Organization',
    name: document.organisation.name,
    url: absoluteUrl(origin, organisationPath(document.organisation.slug)),
  } satisfies Organization;
  const source = document.adaptedFrom;
  return {
    '@context': 'https://schema.org',
    '@type': 'DigitalDocument',
    name: document.title,
    version: policy.version,
    datePublished: policy.publishedOn,
    // The version's own address: a published version never changes, so this URL always shows this text.
    url: absoluteUrl(origin, policyVersionPath(document.slug, policy.version)),
    inLanguage: 'en',
    author: organisation,
    publisher: organisation,
    ...(policy.summaryOfChanges ? { abstract: policy.summaryOfChanges } : {}),
    ...(policy.contributors && policy.contributors.length > 0 ? { contributor: policy.contributors.map((contributor) => ({ '@type': 'Person', name: contributor.name }) satisfies Person) } : {}),
    ...(source ? { isBasedOn: absoluteUrl(origin, policyVersionPath(source.document.slug, source.version)) } : {}),
  } satisfies WithContext<DigitalDocument>;
}

export interface BreadcrumbItem {
  name: string;
  /** A path on the site; made absolute, as Google requires for `item`. */
  path: string;
}

/** Where a page sits on the site, as search results show it instead of the bare URL. */
export function breadcrumbJsonLd(origin: string, items: readonly BreadcrumbItem[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.name, item: absoluteUrl(origin, item.path) }) satisfies ListItem),
  } satisfies WithContext<BreadcrumbList>;
}

/** On the home page: the name search results show for the site instead of its host name. */
export function websiteJsonLd(origin: string) {
  return { '@context': 'https://schema.org', '@type': 'WebSite', name: SITE_NAME, url: absoluteUrl(origin, '/') } satisfies WithContext<WebSite>;
}
