import { useState } from 'react';
import { citationMarkdownLink } from '@policy-commons/policies';
import type { PolicySectionFieldsFragment as PolicySectionFieldsWithTypename } from '../../generated/graphql';
import { useResolvedCitations, type ResolvedCitations } from '../citations/use-resolved-citations';

/** A section from the api, or one parsed from a draft in the browser (no __typename). */
type PolicySectionFieldsFragment = Omit<PolicySectionFieldsWithTypename, '__typename'>;
import { MarkdownView } from '../markdown/markdown-view';
import { useHashTarget } from './use-hash-target';

interface PolicySectionsProps {
  slug: string;
  /** For "Copy citation": the label a pasted citation reads as (the slug when not given). */
  documentTitle?: string;
  version: string;
  sections: readonly PolicySectionFieldsFragment[];
  /** Copy-link and copy-citation buttons; off for a draft, which nobody can cite yet. */
  tools?: boolean;
}

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

function headingTag(level: number): HeadingTag {
  const clamped = Math.min(6, Math.max(2, level));
  return `h${clamped}` as HeadingTag;
}

/** Each section under a heading whose id is its anchor, so `#anchor` links land on it. */
export function PolicySections({ slug, documentTitle, version, sections, tools = true }: PolicySectionsProps) {
  // Links to other policies inside the text become the same chips as in posts: every section's in one request.
  const resolved = useResolvedCitations(sections.map((section) => section.body));
  return (
    <div className="policy-sections" data-testid="policy-sections">
      {sections.map((section) => (
        <PolicySectionView key={section.anchor} slug={slug} documentTitle={documentTitle ?? slug} version={version} section={section} tools={tools} resolved={resolved} />
      ))}
    </div>
  );
}

interface PolicySectionViewProps {
  slug: string;
  documentTitle: string;
  version: string;
  section: PolicySectionFieldsFragment;
  tools: boolean;
  resolved: ResolvedCitations;
}

function PolicySectionView({ slug, documentTitle, version, section, tools, resolved }: PolicySectionViewProps) {
  const Heading = headingTag(section.level);
  const targeted = useHashTarget() === section.anchor;
  const [copied, setCopied] = useState<string | null>(null);
  const reference = `policy:${slug}@${version}#${section.anchor}`;

  async function copy(what: 'link' | 'citation') {
    // A citation is copied as a Markdown link: pasted into a post it renders as the chip, and it reads as the citation anywhere else.
    const text =
      what === 'link'
        ? `${window.location.origin}/policies/${slug}/${version}#${section.anchor}`
        : citationMarkdownLink({ slug, version, anchor: section.anchor }, { documentTitle, version, sectionTitle: section.title });
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what === 'link' ? 'Link copied' : 'Citation copied');
    } catch {
      // Clipboard access can be refused (insecure origin, permissions); show the text to copy by hand.
      setCopied(text);
    }
  }

  return (
    <section className={targeted ? 'policy-section targeted' : 'policy-section'} id={section.anchor} data-testid="policy-section" data-anchor={section.anchor} aria-labelledby={`${section.anchor}-heading`}>
      <Heading id={`${section.anchor}-heading`} className="policy-section-heading">
        <a href={`#${section.anchor}`} className="section-anchor" aria-label={`Link to ${section.title}`}>
          #
        </a>{' '}
        {section.title}
      </Heading>
      {tools ? (
        <div className="section-tools">
          <button type="button" className="link-button" onClick={() => void copy('link')} data-testid="copy-section-link">
            Copy link
          </button>
          <button type="button" className="link-button" onClick={() => void copy('citation')} data-testid="copy-section-citation" title={reference}>
            Copy citation
          </button>
          {copied ? (
            <span className="muted copied" role="status">
              {copied}
            </span>
          ) : null}
        </div>
      ) : null}
      {section.body.trim() === '' ? null : <MarkdownView source={section.body} citations={resolved.citations} problems={resolved.problems} />}
    </section>
  );
}
