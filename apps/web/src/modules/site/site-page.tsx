import type { ReactNode } from 'react';
import { PageTitle } from '../layout/page-title';
import { PageMeta } from '../seo/page-meta';

/** A page of plain text about the site itself (about, privacy, terms, contact). */
export function SitePage({ title, description, path, children }: { title: string; description: string; path: string; children: ReactNode }) {
  return (
    <article className="site-page card" data-testid="site-page">
      <PageTitle title={title} />
      <PageMeta title={title} description={description} path={path} />
      <h1>{title}</h1>
      {children}
    </article>
  );
}
