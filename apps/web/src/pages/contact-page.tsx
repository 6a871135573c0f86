import { Link } from 'react-router';
import { SitePage } from '../modules/site/site-page';

export function ContactPage() {
  return (
    <SitePage title="Contact" path="/contact" description="How to reach the people who run Policy Commons.">
      <p>Who to ask depends on what it is about.</p>
      <h2>A post that breaks the rules</h2>
      <p>
        Use <strong>Flag</strong> under the question, answer or comment. The community’s moderators see it in their queue and decide; what they do is recorded in the
        community’s moderation log. You are never named to the author.
      </p>
      <h2>A policy document</h2>
      <p>
        Policies belong to the organisations that publish them. Each policy page names its organisation; its organisation page lists its admins, and there you can ask
        for the policy author role if you write its policies. For a question about what a policy means, ask it in a{' '}
        <Link to="/">community</Link>: that is what the site is for.
      </p>
      <h2>Your account and your data</h2>
      <p>
        Change your password, sign out everywhere or erase your account in <Link to="/settings/account">Settings → Account</Link>, and choose or stop digests in{' '}
        <Link to="/settings/notifications">your digest settings</Link>. If you cannot sign in, use <Link to="/forgot-password">forgotten password</Link>.
      </p>
      <h2>Anything else</h2>
      <p>
        To reach the people who run this site (about a suspension, a privacy request, or a problem with the site itself), reply to any email Policy Commons sent you, or
        write to the address those emails come from.
      </p>
    </SitePage>
  );
}
