import { render } from '@testing-library/react';
import { FeedLink, feedUrls } from './feed-link';

describe('FeedLink', () => {
  it("puts the feed's <link rel=alternate> in the document head, and takes it away with the page", () => {
    const view = render(
      <main>
        <FeedLink href={feedUrls.community('social-media-in-local-government')} title="Latest questions in Social Media in Local Government" />
      </main>,
    );
    const links = document.head.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('/feeds/communities/social-media-in-local-government.atom');
    expect(links[0].getAttribute('title')).toBe('Latest questions in Social Media in Local Government');
    expect(view.container.querySelector('link')).toBeNull();
    view.unmount();
    expect(document.head.querySelectorAll('link[type="application/atom+xml"]')).toHaveLength(0);
  });
});
