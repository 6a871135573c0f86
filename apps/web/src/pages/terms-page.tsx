import { Link } from 'react-router';
import { SitePage } from '../modules/site/site-page';

export function TermsPage() {
  return (
    <SitePage title="Terms of use" path="/terms" description="The terms of use of Policy Commons.">
      <p>By using Policy Commons you agree to these terms. They are short on purpose.</p>
      <h2>Be useful and be kind</h2>
      <ul>
        <li>Ask and answer in good faith. Say where an answer comes from; cite the policy section when there is one.</li>
        <li>No harassment, personal attacks, spam or advertising, and nothing unlawful.</li>
        <li>Do not post other people’s personal data, or anything confidential you have no right to share.</li>
        <li>Declare the roles that matter to a question: conflicts of interest are a core topic here.</li>
      </ul>
      <h2>Moderation</h2>
      <p>
        Members can flag posts. Community moderators can hide, delete, close and lock posts and must give a reason, which is kept in the public moderation log of each
        community. Site moderators may suspend an account that keeps breaking these terms; a suspended member can still read, and the suspension says when it ends.
      </p>
      <h2>What you post</h2>
      <p>
        You keep the rights to what you write. By posting it you let Policy Commons show it to everyone, keep it (with its earlier wordings) and include it in digests
        and feeds. If you erase your account, your posts stay, attributed to “a deleted member”.
      </p>
      <h2>Policies</h2>
      <p>
        A policy document belongs to the organisation that publishes it; each version states its licence and how it may be adapted. Only an organisation’s policy
        authors publish for it, and a published version is never changed afterwards.
      </p>
      <h2>No advice</h2>
      <p>
        Answers are members’ experience and views, not legal or professional advice. Check the policy that applies to you, in its current version, and ask your own
        organisation when it matters.
      </p>
      <p>
        See also <Link to="/privacy">privacy</Link> and <Link to="/contact">contact</Link>.
      </p>
    </SitePage>
  );
}
