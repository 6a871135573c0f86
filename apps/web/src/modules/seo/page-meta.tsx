import { SITE_NAME } from '../layout/page-title';
import { excerpt } from './plain-text';
import { absoluteUrl, useSiteOrigin } from './site-origin';

export interface PageMetaProps {
  /** The page's own title, without the site name (og:site_name carries that). */
  title: string;
  /** One line of plain text; longer text is cut at a word boundary. */
  description: string;
  /**
   * The page's canonical path on the site, with only the query parameters that define
   * what the page shows; each page decides which (and says why) where it renders this.
   */
  path: string;
  /** `article` for a page about one piece of content (a question, a policy version). */
  type?: 'website' | 'article';
  /** Keep the page out of search indexes (its links are still followed). */
  noindex?: boolean;
}

/**
 * The page's description, canonical link, Open Graph and Twitter card. Rendered anywhere
 * in the page, React 19 hoists these into <head> (on the server too) and removes them
 * when the page goes; render them once the page's data has arrived, beside <PageTitle>.
 */
export function PageMeta({ title, description, path, type = 'website', noindex = false }: PageMetaProps) {
  const url = absoluteUrl(useSiteOrigin(), path);
  const summary = excerpt(description);
  return (
    <>
      <meta name="description" content={summary} />
      <link rel="canonical" href={url} />
      {noindex ? <meta name="robots" content="noindex" /> : null}
      <meta property="og:title" content={title} />
      <meta property="og:description" content={summary} />
      <meta property="og:url" content={url} />
      <meta property="og:type" content={type} />
      <meta property="og:site_name" content={SITE_NAME} />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={summary} />
    </>
  );
}
