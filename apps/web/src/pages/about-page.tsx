import { Link } from 'react-router';
import { SitePage } from '../modules/site/site-page';

export function AboutPage() {
  return (
    <SitePage title="About Policy Commons" path="/about" description="What Policy Commons is for: practitioners ask policy questions and answer them with the exact policy text that applies, and keep up with what changed.">
      <p>
        Policy Commons is a community of practice for people who work inside a policy framework: council officers, school governors, parish councillors, digital and
        communications leads. They ask each other practical policy questions, answer them by pointing at the exact policy text that applies, and keep up with what changed.
      </p>
      <h2>Why it exists</h2>
      <p>
        The useful answer to a new situation is often “this is already covered by section X of policy Y”. Usually that answer lives in a forum post and the policy in a PDF
        somewhere else, and the two drift apart as soon as the policy is revised. Here questions, answers and the versioned policies they cite live in one place.
      </p>
      <h2>How it works</h2>
      <ul>
        <li>
          <strong>Communities</strong> gather people with the same kind of work. Ask a question in one, answer others, comment, vote, and accept the answer that solved
          your problem.
        </li>
        <li>
          <strong>Policy documents</strong> are published by the organisations that own them, in numbered versions. A published version never changes; a revision is a new
          version, and you can compare any two in the <Link to="/policies">policy library</Link>.
        </li>
        <li>
          <strong>Citations</strong> point an answer at one section of one version. When a later version changes or removes that section, the citation is marked, and
          its author is told.
        </li>
        <li>
          <strong>Following</strong> a community, a tag, a question or a policy brings its news to your notifications and, if you like, a daily or weekly digest email.
        </li>
      </ul>
      <p>
        Answers here are members’ views and practice, not legal advice; the policies are their organisations’. See the <Link to="/terms">terms</Link> and how we handle
        your <Link to="/privacy">personal data</Link>.
      </p>
    </SitePage>
  );
}
