import { parsePolicyVersion, serializePolicyVersion, type PolicyVersionFile } from '@policy-commons/policies';
import type { SeededRandom } from './scale-random.js';
import type { ScaleText } from './scale-text.js';

const TOPICS = [
  'social-media',
  'data-protection',
  'code-of-conduct',
  'conflicts-of-interest',
  'records-retention',
  'information-security',
  'complaints',
  'equality-and-diversity',
  'procurement',
  'volunteering',
];

const SECTION_TITLES = [
  'Introduction',
  'Purpose',
  'Scope',
  'Definitions',
  'Our commitment',
  'Roles and responsibilities',
  'Personal and professional responsibilities',
  'Declaring outside interests',
  'Line manager decisions',
  'Using social media in a personal capacity',
  'Official accounts',
  'Political activity and elections',
  'Information security',
  'Privacy and data protection',
  'Records and retention',
  'Complaints and concerns',
  'Moderating comments',
  'Handling criticism',
  'Working with the press',
  'Equality and accessibility',
  'Training and support',
  'Monitoring and review',
  'Breaches of this policy',
  'Gifts and hospitality',
  'Procurement and contracts',
  'Volunteers and partners',
  'Emergency communications',
  'Consultations',
  'Useful contacts',
  'Key things to consider',
  'Guidance and tips',
  'Related policies',
];

export const VERSION_NUMBERS = ['1.0', '1.1', '2.0', '2.1', '3.0'];

export interface ScalePolicyDocument {
  slug: string;
  title: string;
  organisation: string;
  versions: PolicyVersionFile[];
}

interface DraftSection {
  title: string;
  level: number;
  body: string;
}

function render(title: string, sections: DraftSection[]): string {
  return `# ${title}\n\n${sections.map((s) => `${'#'.repeat(s.level)} ${s.title}\n\n${s.body}\n`).join('\n')}`;
}

/**
 * Policy documents with several versions: between versions a few sections are reworded
 * and, at each new major version, one is dropped and another added, so citations of older
 * versions are current, unchanged, changed or removed in the proportions a real library
 * has. Every version goes through the policies package's parser, so the api renders them.
 */
export function scalePolicyDocuments(count: number, sectionsPerVersion: number, organisations: string[], random: SeededRandom, text: ScaleText): ScalePolicyDocument[] {
  if (sectionsPerVersion + VERSION_NUMBERS.length > SECTION_TITLES.length) throw new RangeError('not enough section titles for that many sections');
  const documents: ScalePolicyDocument[] = [];
  for (let d = 0; d < count; d += 1) {
    const organisation = organisations[d % organisations.length] as string;
    const topic = TOPICS[(d + Math.floor(d / organisations.length)) % TOPICS.length] as string;
    const slug = `${topic}-${organisation}`;
    const title = `${topic.charAt(0).toUpperCase()}${topic.slice(1).replace(/-/g, ' ')} policy (${organisation.replace(/-/g, ' ')})`;
    const unused = [...SECTION_TITLES];
    const take = () => unused.splice(random.int(unused.length), 1)[0] as string;
    const sections: DraftSection[] = [];
    for (let s = 0; s < sectionsPerVersion; s += 1) {
      // Every fourth section is a subsection of the one before it.
      sections.push({ title: take(), level: s % 4 === 3 ? 3 : 2, body: text.paragraphs(text.length(500, 120, 2500), 4000) });
    }
    const versions: PolicyVersionFile[] = [];
    for (const [index, version] of VERSION_NUMBERS.entries()) {
      if (index > 0) {
        const major = version.endsWith('.0');
        for (let c = 0; c < 3; c += 1) {
          const changed = sections[random.int(sections.length)] as DraftSection;
          changed.body = `${changed.body}\n\n${text.paragraphs(text.length(200, 60, 600), 1000)}`;
        }
        if (major) {
          const dropped = 1 + random.int(sections.length - 1);
          const level = sections[dropped]?.level ?? 2;
          sections.splice(dropped, 1);
          sections.splice(1 + random.int(sections.length - 1), 0, { title: take(), level, body: text.paragraphs(text.length(500, 120, 2500), 4000) });
          // A subsection needs a section above it; the first stays a top-level one.
          if ((sections[0] as DraftSection).level !== 2) (sections[0] as DraftSection).level = 2;
        }
      }
      const year = 2012 + index * 2 + (d % 2);
      const file = serializePolicyVersion(
        {
          slug,
          title,
          organisation,
          version,
          publishedOn: `${year}-0${1 + (d % 9)}-1${d % 10}`,
          summaryOfChanges: index === 0 ? 'First edition.' : `Revised edition: ${text.sentence(6, 16)}`,
          contributors: [
            { name: text.personName(), role: 'Head of Corporate Communications' },
            { name: text.personName(), role: 'Head of ICT' },
          ],
          licence: 'Other public bodies may adapt it as long as the source is acknowledged.',
          adaptedFrom: null,
          supersededNotice: index > 0 && version.endsWith('.0') ? `This edition supersedes version ${VERSION_NUMBERS[index - 1]}.` : null,
        },
        render(title, sections),
      );
      const parsed = parsePolicyVersion(file, { file: `${slug}@${version}` });
      if (!parsed.ok) throw new Error(`generated policy ${slug}@${version} is not valid: ${parsed.errors.map((e) => e.message).join('; ')}`);
      versions.push(parsed.version);
    }
    documents.push({ slug, title, organisation, versions });
  }
  return documents;
}
