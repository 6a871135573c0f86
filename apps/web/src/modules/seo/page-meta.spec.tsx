import { render } from '@testing-library/react';
import { PageMeta } from './page-meta';
import { SiteOriginProvider } from './site-origin';

function head(selector: string): string | null {
  const element = document.head.querySelector(selector) ?? document.body.querySelector(selector);
  return element?.getAttribute('content') ?? element?.getAttribute('href') ?? null;
}

describe('PageMeta', () => {
  it('makes the canonical and Open Graph URLs absolute with the provided origin', () => {
    render(
      <SiteOriginProvider value="https://forum.example/">
        <PageMeta title="Purdah rules" description="What may we still publish?" path="/q/42" type="article" />
      </SiteOriginProvider>,
    );
    expect(head('link[rel="canonical"]')).toBe('https://forum.example/q/42');
    expect(head('meta[property="og:url"]')).toBe('https://forum.example/q/42');
    expect(head('meta[property="og:type"]')).toBe('article');
    expect(head('meta[property="og:site_name"]')).toBe('Policy Commons');
    expect(head('meta[property="og:title"]')).toBe('Purdah rules');
    expect(head('meta[name="description"]')).toBe('What may we still publish?');
    expect(head('meta[name="twitter:card"]')).toBe('summary');
    expect(head('meta[name="twitter:description"]')).toBe('What may we still publish?');
    expect(head('meta[name="robots"]')).toBeNull();
  });

  it("falls back to the browser's own origin, cuts a long description and can ask not to be indexed", () => {
    render(<PageMeta title="Search: purdah" description={'word '.repeat(100)} path="/search?q=purdah" noindex />);
    expect(head('link[rel="canonical"]')).toBe(`${window.location.origin}/search?q=purdah`);
    expect(head('meta[name="description"]')?.length).toBeLessThanOrEqual(160);
    expect(head('meta[name="robots"]')).toBe('noindex');
  });
});
