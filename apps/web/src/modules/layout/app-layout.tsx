import { Outlet } from 'react-router';
import { SiteHeader } from './site-header';

export function AppLayout() {
  return (
    <>
      <SiteHeader />
      <main className="page">
        <Outlet />
      </main>
      <footer className="site-footer">Policy Commons: questions answered with the policy text that applies.</footer>
    </>
  );
}
