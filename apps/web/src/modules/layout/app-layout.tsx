import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { SuspensionBanner } from '../accounts/suspension-banner';
import { FlashNotice } from './flash-notice';
import { SiteHeader } from './site-header';
import { LoadingState } from './states';

export function AppLayout() {
  return (
    <>
      <SiteHeader />
      <main className="page">
        <SuspensionBanner />
        <FlashNotice />
        {/* Route pages are lazy chunks; the header stays while one loads. */}
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">Policy Commons: questions answered with the policy text that applies.</footer>
    </>
  );
}
