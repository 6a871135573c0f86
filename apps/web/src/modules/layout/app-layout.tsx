import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { SuspensionBanner } from '../accounts/suspension-banner';
import { SiteFooter } from '../site/site-footer';
import { FlashNotice } from './flash-notice';
import { useFocusRecovery } from './focus-recovery';
import { useFormErrorFocus } from './form-error-focus';
import { useRouteFocus } from './route-focus';
import { SiteHeader } from './site-header';
import { LoadingState } from './states';

export const MAIN_CONTENT_ID = 'main-content';

/**
 * Marks the document once the page's own part is live (hydrated over the server's HTML,
 * or rendered): until then a server-rendered form is plain HTML, and browser tests wait
 * for this before they type into one.
 */
function HydratedMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}

export function AppLayout() {
  const main = useRef<HTMLElement>(null);
  const [announcement, setAnnouncement] = useState('');
  // The same words twice in a row would not be read again; a zero-width space makes them new.
  const announce = useCallback((message: string) => setAnnouncement((current) => (current === message ? `${message}\u200b` : message)), []);
  useRouteFocus(main, announce);
  useFormErrorFocus();
  useFocusRecovery(useLocation().key);

  return (
    <>
      {/* The first thing Tab reaches: past the header to the page itself (WCAG 2.4.1). */}
      <a
        href={`#${MAIN_CONTENT_ID}`}
        className="skip-link"
        data-testid="skip-link"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <SiteHeader />
      <main className="page" id={MAIN_CONTENT_ID} ref={main} tabIndex={-1}>
        <SuspensionBanner />
        <FlashNotice />
        {/* Route pages are lazy chunks; the header stays while one loads. */}
        <Suspense fallback={<LoadingState />}>
          <Outlet />
          <HydratedMarker />
        </Suspense>
      </main>
      <SiteFooter />
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="route-announcer">
        {announcement}
      </p>
    </>
  );
}
