import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { AboutPage } from '../../pages/about-page';
import { ContactPage } from '../../pages/contact-page';
import { PrivacyPage } from '../../pages/privacy-page';
import { TermsPage } from '../../pages/terms-page';
import { SiteFooter } from './site-footer';

describe('the footer and the pages it links', () => {
  it('links about, privacy, terms and contact from a navigation landmark', () => {
    render(
      <MemoryRouter>
        <SiteFooter />
      </MemoryRouter>,
    );
    const nav = screen.getByRole('navigation', { name: 'About this site' });
    expect(within(nav).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['About', '/about'],
      ['Privacy', '/privacy'],
      ['Terms', '/terms'],
      ['Contact', '/contact'],
    ]);
  });

  it.each([
    [AboutPage, 'About Policy Commons', /community of practice/],
    [PrivacyPage, 'Privacy', /erase your account/],
    [TermsPage, 'Terms of use', /not legal or professional advice/],
    [ContactPage, 'Contact', /Flag/],
  ])('renders %p with its heading and real text', (Page, heading, text) => {
    render(
      <MemoryRouter>
        <Page />
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(heading);
    expect(screen.getByTestId('site-page').textContent).toMatch(text);
    // Headings go down one level at a time.
    for (const subheading of screen.queryAllByRole('heading', { level: 2 })) expect(subheading.tagName).toBe('H2');
  });
});
