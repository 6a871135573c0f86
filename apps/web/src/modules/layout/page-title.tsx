export const SITE_NAME = 'Policy Commons';

/** "Question title · Policy Commons": what a page is, first, so tabs and history tell pages apart. */
export function pageTitleText(title: string | null | undefined): string {
  const trimmed = title?.trim();
  return trimmed ? `${trimmed} · ${SITE_NAME}` : SITE_NAME;
}

/**
 * The document's <title>. React 19 hoists a <title> rendered anywhere into <head> (and
 * would render it there on a server too); render one per page, where its words are known.
 */
export function PageTitle({ title }: { title: string | null | undefined }) {
  return <title>{pageTitleText(title)}</title>;
}
