/** A valid version file, with front matter lines replaced or dropped per test. */
export const VALID_FRONT_MATTER: Record<string, string> = {
  slug: 'slug: social-media-policy',
  title: 'title: Social Media Policy and Guidance',
  organisation: 'organisation: county-council',
  version: 'version: 2.0',
  publishedOn: 'publishedOn: 2011-02-21',
  summaryOfChanges: 'summaryOfChanges: Refocused on business benefit.',
  contributors: 'contributors:\n  - name: Sarah Whitfield\n    role: Head of ICT',
  licence: 'licence: Adapt it freely, acknowledging the source.',
};

export const VALID_BODY = `
# Social Media Policy and Guidance

## The Policy

We use social media where it helps.

### Scope

All employees.

## Guidance section 1: Personal and professional responsibilities {#personal-and-professional-responsibilities}

You are responsible for what you publish.
`;

export function versionFile(
  overrides: Record<string, string | null> = {},
  body: string = VALID_BODY,
): string {
  const fields = { ...VALID_FRONT_MATTER, ...overrides };
  const lines = Object.values(fields).filter((line): line is string => line !== null);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}
