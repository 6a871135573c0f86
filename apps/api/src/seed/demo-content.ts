import { OrganisationRole } from '../modules/access/access.policy.js';

/**
 * The demo scenario from the product brief, in our own words: a county council, a parish
 * council, the "Social Media in Local Government" community and the dual-role question.
 */
export const DEMO_PASSWORD = 'demo-password-1';

export const demoOrganisations = [
  { slug: 'county-council', name: 'Shireford County Council' },
  { slug: 'parish-council', name: 'Little Ashby Parish Council' },
  { slug: 'ashby-primary-school', name: 'Little Ashby Primary School' },
];

export const demoAccounts = {
  admin: { email: 'admin@example.org', displayName: 'Morgan Reid', role: 'ADMIN' as const, affiliations: [] as [string, string][] },
  author: {
    email: 'author@example.org',
    displayName: 'Priya Shah',
    role: 'MEMBER' as const,
    affiliations: [['county-council', 'employee']] as [string, string][],
  },
  practitioner: {
    email: 'practitioner@example.org',
    displayName: 'Dan Hughes',
    role: 'MEMBER' as const,
    affiliations: [
      ['county-council', 'employee'],
      ['ashby-primary-school', 'school governor'],
      ['parish-council', 'parish councillor'],
    ] as [string, string][],
  },
  orgadmin: {
    email: 'orgadmin@example.org',
    displayName: 'Helen Okafor',
    role: 'MEMBER' as const,
    affiliations: [['county-council', 'head of corporate communications']] as [string, string][],
  },
  moderator: {
    email: 'moderator@example.org',
    displayName: 'Tom Avery',
    role: 'MEMBER' as const,
    affiliations: [['parish-council', 'parish clerk']] as [string, string][],
  },
};

type DemoAccount = keyof typeof demoAccounts;

/**
 * Roles granted, not declared: the site admin makes Helen the county council's admin, and
 * she grants Priya the policy author role, both through the same path as in the app, so the
 * record of role changes shows who granted what.
 */
export const demoOrganisationRoles: { account: DemoAccount; organisationSlug: string; role: OrganisationRole; grantedBy: DemoAccount; reason: string }[] = [
  { account: 'orgadmin', organisationSlug: 'county-council', role: OrganisationRole.ORG_ADMIN, grantedBy: 'admin', reason: 'Runs the council’s policies on Policy Commons.' },
  { account: 'author', organisationSlug: 'county-council', role: OrganisationRole.POLICY_AUTHOR, grantedBy: 'orgadmin', reason: 'Maintains the social media policy and guidance.' },
];

/** Appointed by the site admin to moderate the demo community. */
export const demoModerators: DemoAccount[] = ['moderator'];

export const demoCommunity = {
  slug: 'social-media-in-local-government',
  title: 'Social Media in Local Government',
  description:
    'For officers, councillors and communications leads who use social media for their council or alongside it: ' +
    'policies, guidance, strategy and the awkward cases in between.',
};

export const demoQuestion = {
  title: 'Does a social media policy cover officers who are also parish councillors?',
  body: `I work for a county council and I have been asked to review our social media policy.

One case keeps coming up: an officer who is **also an elected parish councillor**, writing in a personal
capacity. For example, they criticise a county council policy on the parish council's blog.

- Does anyone have a social media policy that covers officers using social media in a personal capacity?
- Where is the line between their two roles?

Any examples of wording that has worked for you would be very welcome.`,
  tags: ['social-media', 'conflicts-of-interest', 'parish-councils'],
};

export const acceptedAnswerBody = `The dual role is the point here, not the medium. A blog post is just where the conflict shows.

Our code of conduct already covers it: staff declare outside roles such as parish councillor or school governor,
see [business and pecuniary interests](policy:code-of-business-conduct@1.0#business-and-pecuniary-interests).
Once a role is declared, the line manager records one of three outcomes:

1. **No material effect** on the officer's council work, so nothing changes.
2. **Work around it**: the manager and the officer avoid the conflict, for example by redistributing work that touches the parish.
3. **Approval withheld** until a solution is found; in extreme cases the officer may have to give up the interest.

Our social media guidance then points back to that code in its section on
[personal and professional responsibilities](policy:social-media-policy@2.0#personal-and-professional-responsibilities):
you can speak as a councillor, but not in a way that uses, or looks like it uses, what you know as an officer.`;

export const secondAnswerBody = `We handle this in our social media guidance with a simple test: would a reasonable reader think the post
speaks for the council? If so, it needs the comms team's sign-off, whatever hat the author says they are wearing.

It does not settle the conflict of interest, though. The code of conduct answer above is the better starting point.`;

export const strategyQuestion = {
  title: 'How do you prioritise which social media channels a council should run?',
  body: `We are drafting a social media strategy to sit alongside our policy. We have far more requests for
new accounts (libraries, highways, waste, road safety…) than we can staff.

Is there a framework people use to decide which processes and service areas get which channels?`,
  tags: ['social-media', 'strategy'],
};

export const strategyAnswerBody = `We use a seven-step framework:

1. Identify the processes (community engagement, customer service, staff engagement, consultations, knowledge sharing,
   policy development, emergency communications) and the service areas (trading standards, libraries, road safety,
   highways, waste, registration).
2. State the objectives of each.
3. List the tools available and what each is best value for.
4. Map tools to objectives.
5. Consolidate by channel or by role.
6. Evaluate cost, benefit and risk for each role.
7. Build a prioritised portfolio, with KPIs for each channel.

Step 5 is where most of the savings come from: one well-run highways and waste account beats four quiet ones.`;
