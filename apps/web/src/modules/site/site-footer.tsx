import { Link } from 'react-router';

/** The pages every site owes its readers, on every page. */
export const SITE_PAGES = [
  { path: '/about', label: 'About' },
  { path: '/privacy', label: 'Privacy' },
  { path: '/terms', label: 'Terms' },
  { path: '/contact', label: 'Contact' },
] as const;

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>Policy Commons: questions answered with the policy text that applies.</p>
      <nav aria-label="About this site">
        <ul className="site-footer-links" data-testid="footer-links">
          {SITE_PAGES.map((page) => (
            <li key={page.path}>
              <Link to={page.path}>{page.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </footer>
  );
}
