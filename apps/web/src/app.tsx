import { Route, Routes } from 'react-router';
import { AppLayout } from './modules/layout/app-layout';
import { AskPage } from './pages/ask-page';
import { CommunityPage } from './pages/community-page';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { ProfilePage } from './pages/profile-page';
import { QuestionPage } from './pages/question-page';
import { SearchPage } from './pages/search-page';
import { SignInPage } from './pages/sign-in-page';
import { SignUpPage } from './pages/sign-up-page';
import { TagPage } from './pages/tag-page';

export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="c/:slug" element={<CommunityPage />} />
        <Route path="q/:id" element={<QuestionPage />} />
        <Route path="ask" element={<AskPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="t/:slug" element={<TagPage />} />
        <Route path="u/:id" element={<ProfilePage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
