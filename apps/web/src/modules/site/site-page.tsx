import type { ReactNode } from 'react';
import { PageTitle } from '../layout/page-title';

/** A page of plain text about the site itself (about, privacy, terms, contact). */
export function SitePage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <article className="site-page card" data-testid="site-page">
      <PageTitle title={title} />
      <h1>{title}</h1>
      {children}
    </article>
  );
}
