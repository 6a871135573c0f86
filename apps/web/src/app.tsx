import { lazy, type ReactNode } from 'react';
import { Route, Routes, useParams, useSearchParams, type RouteObject } from 'react-router';
import { AppLayout } from './modules/layout/app-layout';
import { PageTitle } from './modules/layout/page-title';

// Pages load on first visit so the first paint only needs the shell (router, Apollo,
// header); a page's Markdown renderer or diff code comes with the page that uses it.
// React.lazy wants a default export; ours are named, so each import picks its page.
const HomePage = lazy(() => import('./pages/home-page').then((module) => ({ default: module.HomePage })));
const CommunityPage = lazy(() => import('./pages/community-page').then((module) => ({ default: module.CommunityPage })));
const QuestionPage = lazy(() => import('./pages/question-page').then((module) => ({ default: module.QuestionPage })));
const AskPage = lazy(() => import('./pages/ask-page').then((module) => ({ default: module.AskPage })));
const SearchPage = lazy(() => import('./pages/search-page').then((module) => ({ default: module.SearchPage })));
const TagPage = lazy(() => import('./pages/tag-page').then((module) => ({ default: module.TagPage })));
const ProfilePage = lazy(() => import('./pages/profile-page').then((module) => ({ default: module.ProfilePage })));
const SignInPage = lazy(() => import('./pages/sign-in-page').then((module) => ({ default: module.SignInPage })));
const SignUpPage = lazy(() => import('./pages/sign-up-page').then((module) => ({ default: module.SignUpPage })));
const PoliciesPage = lazy(() => import('./pages/policies-page').then((module) => ({ default: module.PoliciesPage })));
const PolicyDocumentPage = lazy(() => import('./pages/policy-document-page').then((module) => ({ default: module.PolicyDocumentPage })));
const PolicyDiffPage = lazy(() => import('./pages/policy-diff-page').then((module) => ({ default: module.PolicyDiffPage })));
const PolicyDraftPage = lazy(() => import('./pages/policy-draft-page').then((module) => ({ default: module.PolicyDraftPage })));
const NotificationsPage = lazy(() => import('./pages/notifications-page').then((module) => ({ default: module.NotificationsPage })));
const NotificationSettingsPage = lazy(() => import('./pages/notification-settings-page').then((module) => ({ default: module.NotificationSettingsPage })));
const ModerationQueuePage = lazy(() => import('./pages/moderation-queue-page').then((module) => ({ default: module.ModerationQueuePage })));
const ModerationLogPage = lazy(() => import('./pages/moderation-log-page').then((module) => ({ default: module.ModerationLogPage })));
const OrganisationPage = lazy(() => import('./pages/organisation-page').then((module) => ({ default: module.OrganisationPage })));
const AccountSettingsPage = lazy(() => import('./pages/account-settings-page').then((module) => ({ default: module.AccountSettingsPage })));
const ForgotPasswordPage = lazy(() => import('./pages/forgot-password-page').then((module) => ({ default: module.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('./pages/reset-password-page').then((module) => ({ default: module.ResetPasswordPage })));
const AboutPage = lazy(() => import('./pages/about-page').then((module) => ({ default: module.AboutPage })));
const PrivacyPage = lazy(() => import('./pages/privacy-page').then((module) => ({ default: module.PrivacyPage })));
const TermsPage = lazy(() => import('./pages/terms-page').then((module) => ({ default: module.TermsPage })));
const ContactPage = lazy(() => import('./pages/contact-page').then((module) => ({ default: module.ContactPage })));
const NotFoundPage = lazy(() => import('./pages/not-found-page').then((module) => ({ default: module.NotFoundPage })));

/**
 * A page whose title is known from its address. Pages whose title comes from their data
 * (a question, a community, a policy) render their own <PageTitle> once it has arrived.
 */
function Titled({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <PageTitle title={title} />
      {children}
    </>
  );
}

function SearchTitle() {
  const query = useSearchParams()[0].get('q')?.trim();
  return <PageTitle title={query ? `Search: ${query}` : 'Search'} />;
}

function TagTitle() {
  const { slug = '' } = useParams();
  return <PageTitle title={`Questions tagged ${slug}`} />;
}

export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Titled title="Home"><HomePage /></Titled>} />
        <Route path="c/:slug" element={<CommunityPage />} />
        <Route path="c/:slug/moderation" element={<ModerationQueuePage />} />
        <Route path="c/:slug/moderation/log" element={<ModerationLogPage />} />
        <Route path="moderation" element={<ModerationQueuePage />} />
        <Route path="moderation/log" element={<ModerationLogPage />} />
        <Route path="o/:slug" element={<OrganisationPage />} />
        <Route path="q/:id" element={<QuestionPage />} />
        <Route path="ask" element={<Titled title="Ask a question"><AskPage /></Titled>} />
        <Route path="search" element={<><SearchTitle /><SearchPage /></>} />
        <Route path="t/:slug" element={<><TagTitle /><TagPage /></>} />
        <Route path="u/:id" element={<ProfilePage />} />
        <Route path="policies" element={<Titled title="Policy library"><PoliciesPage /></Titled>} />
        <Route path="policies/:slug" element={<PolicyDocumentPage />} />
        <Route path="policies/:slug/diff" element={<PolicyDiffPage />} />
        <Route path="policies/:slug/draft" element={<PolicyDraftPage />} />
        <Route path="policies/:slug/:version" element={<PolicyDocumentPage />} />
        <Route path="notifications" element={<Titled title="Notifications"><NotificationsPage /></Titled>} />
        <Route path="settings/notifications" element={<Titled title="Digest and follows"><NotificationSettingsPage /></Titled>} />
        <Route path="settings/account" element={<Titled title="Account settings"><AccountSettingsPage /></Titled>} />
        <Route path="signin" element={<Titled title="Sign in"><SignInPage /></Titled>} />
        <Route path="signup" element={<Titled title="Create an account"><SignUpPage /></Titled>} />
        <Route path="forgot-password" element={<Titled title="Forgot your password?"><ForgotPasswordPage /></Titled>} />
        <Route path="reset-password/:token" element={<Titled title="Choose a new password"><ResetPasswordPage /></Titled>} />
        <Route path="about" element={<AboutPage />} />
        <Route path="privacy" element={<PrivacyPage />} />
        <Route path="terms" element={<TermsPage />} />
        <Route path="contact" element={<ContactPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/**
 * The one route of the data router, in the browser (main.tsx) and on the server
 * (entry-server.tsx) alike: every path goes to App, whose <Routes> pick the page. A data
 * router, so a page can ask before the reader leaves it (useBlocker: the draft editor's
 * "leave with unsaved changes?").
 */
export const appRoutes: RouteObject[] = [{ path: '*', element: <App /> }];
