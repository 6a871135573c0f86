/** Where the api serves each Atom feed (apps/api/src/modules/feeds). */
export const feedUrls = {
  latestQuestions: '/feeds/questions.atom',
  policyChanges: '/feeds/policy-changes.atom',
  community: (slug: string) => `/feeds/communities/${encodeURIComponent(slug)}.atom`,
  tag: (slug: string) => `/feeds/tags/${encodeURIComponent(slug)}.atom`,
  answers: (questionId: string) => `/feeds/questions/${encodeURIComponent(questionId)}/answers.atom`,
  policyDocument: (slug: string) => `/feeds/policies/${encodeURIComponent(slug)}.atom`,
};

/**
 * Announces the page's Atom feed to browsers and feed readers. Rendered anywhere in the
 * page, React 19 hoists the <link> into <head> and removes it when the page goes.
 */
export function FeedLink({ href, title }: { href: string; title: string }) {
  return <link rel="alternate" type="application/atom+xml" href={href} title={title} />;
}
