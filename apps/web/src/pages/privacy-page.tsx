import { Link } from 'react-router';
import { SitePage } from '../modules/site/site-page';

export function PrivacyPage() {
  return (
    <SitePage title="Privacy" path="/privacy" description="What Policy Commons keeps about you, why, and how to have it erased.">
      <p>This page says what Policy Commons keeps about you, why, and how to have it removed.</p>
      <h2>What we keep</h2>
      <ul>
        <li>
          <strong>Your account:</strong> your email address, your display name, and your password as a one-way hash (we cannot read it).
        </li>
        <li>
          <strong>What you write:</strong> questions, answers and comments, with every earlier wording of them (edits never overwrite), your votes, flags and follows,
          and the affiliations you declare on your profile.
        </li>
        <li>
          <strong>Roles:</strong> roles an organisation’s admins granted you, and a record of each change.
        </li>
        <li>
          <strong>Signing in:</strong> a session cookie that keeps you signed in. It ends after 60 days, or 14 days unused, or when you sign out. We store only a hash of it.
        </li>
        <li>
          <strong>For a short while:</strong> your network address, to limit how often anyone can sign in, post or search (counted for minutes to hours), and to count a
          question’s views once per hour.
        </li>
      </ul>
      <p>We do not use advertising or tracking cookies, and pages load no third-party scripts. Images in posts load only from the site and hosts its operator allows.</p>
      <h2>What others see</h2>
      <p>
        Your display name, profile, declared affiliations, granted roles and everything you post are public. Your email address is never shown to other members. Posts a
        moderator hides stay readable to you and to moderators, for the record.
      </p>
      <h2>Email</h2>
      <p>
        We email you for password resets, to confirm your address, and with the digest you choose in <Link to="/settings/notifications">your digest settings</Link>. Every
        digest has a link that stops them at once.
      </p>
      <h2>Removing your data</h2>
      <p>
        You can erase your account in <Link to="/settings/account">Settings → Account</Link>. Everything personal goes: your email address, name, affiliations, roles,
        sessions, follows and settings. What you posted stays where it is, attributed to “a deleted member”, so that conversations still make sense.
      </p>
      <p>
        Questions about this page: see <Link to="/contact">contact</Link>.
      </p>
    </SitePage>
  );
}
