import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, type CursorPart } from '../../common/pagination.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { PublishedAnswers } from '../answers/published-answers.service.js';
import { CommunitiesService } from '../communities/communities.service.js';
import { PoliciesService } from '../policies/policies.service.js';
import { PublishedQuestions } from '../questions/published-questions.service.js';
import type { SitemapUrl } from './sitemap-xml.js';

/** A keyset position in one section's order, as its cursor carries it. */
type Position = (string | number)[];

/**
 * One kind of page in the sitemaps. Its files are keyset pages of `size` rows in the
 * owning module's order: `pageEnd` finds where the next file starts (the walk the index
 * makes), `urls` writes the public pages among one file's rows. A file never holds more
 * than `size` URLs, and no statement counts or skips rows (no COUNT(*), no OFFSET).
 */
interface SitemapSection {
  name: string;
  cursor: CursorPart[];
  pageEnd(after: Position | null, size: number): Promise<Position | null>;
  urls(after: Position | null, size: number): Promise<SitemapUrl[]>;
}

const later = (a: Date | undefined, b: Date | undefined): Date | undefined => (a && b ? (a > b ? a : b) : (a ?? b));

/** robots.txt, the sitemap index and its files, from the modules that own each kind of page. */
@Injectable()
export class SitemapsService {
  private readonly site: string;
  private readonly size: number;
  private readonly sections: ReadonlyMap<string, SitemapSection>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly publishedQuestions: PublishedQuestions,
    private readonly publishedAnswers: PublishedAnswers,
    private readonly communities: CommunitiesService,
    private readonly policies: PoliciesService,
    private readonly accounts: AccountsService,
  ) {
    this.site = config.publicUrl;
    this.size = config.sitemapUrlsPerFile;
    this.sections = new Map(this.allSections().map((section) => [section.name, section]));
  }

  robotsTxt(): string {
    return [
      'User-agent: *',
      'Allow: /',
      // Not pages: the API, the job dashboard and the links mailed to one person.
      'Disallow: /graphql',
      'Disallow: /admin',
      'Disallow: /unsubscribe',
      'Disallow: /email-confirmation',
      'Disallow: /reset-password',
      // Pages for one signed-in person or for moderators, which show a visitor nothing.
      'Disallow: /settings',
      'Disallow: /notifications',
      'Disallow: /moderation',
      'Disallow: /c/*/moderation',
      'Disallow: /policies/*/draft',
      // Every query is a new URL: a crawler would never finish; the sitemaps list what is worth indexing.
      'Disallow: /search',
      '',
      `Sitemap: ${this.site}/sitemap.xml`,
      '',
    ].join('\n');
  }

  /** Every sitemap file: one walk of each section's keys, no rows read. */
  async index(): Promise<string[]> {
    const locations: string[] = [];
    for (const section of this.sections.values()) {
      let start: Position | null = null;
      do {
        locations.push(this.fileUrl(section, start));
        start = await section.pageEnd(start, this.size);
      } while (start);
    }
    return locations;
  }

  /** One sitemap file, or null for a section or cursor that is not one of ours. */
  async file(sectionName: string, after: string | undefined): Promise<SitemapUrl[] | null> {
    const section = this.sections.get(sectionName);
    if (!section) return null;
    let start: Position | null = null;
    if (after !== undefined) {
      try {
        start = decodeCursor(after, section.cursor);
      } catch {
        return null;
      }
    }
    return section.urls(start, this.size);
  }

  private fileUrl(section: SitemapSection, start: Position | null): string {
    return `${this.site}/sitemaps/${section.name}.xml${start ? `?after=${encodeCursor(start)}` : ''}`;
  }

  private page(path: string, lastmod?: Date): SitemapUrl {
    return { loc: `${this.site}${path}`, lastmod };
  }

  private allSections(): SitemapSection[] {
    // Most sections are ordered by one column (a slug or an id).
    const byOneKey = (
      name: string,
      key: CursorPart,
      pageEnd: (after: string | null, size: number) => Promise<string | null>,
      urls: (after: string | null, size: number) => Promise<SitemapUrl[]>,
    ): SitemapSection => ({
      name,
      cursor: [key],
      pageEnd: async (after, size) => {
        const end = await pageEnd(after ? String(after[0]) : null, size);
        return end === null ? null : [end];
      },
      urls: (after, size) => urls(after ? String(after[0]) : null, size),
    });
    const questionKey = (after: Position | null) => after && { createdAt: new Date(String(after[0])), id: String(after[1]) };
    return [
      {
        name: 'pages',
        cursor: [],
        pageEnd: async () => null,
        urls: async () => [this.page('/'), this.page('/policies')],
      },
      byOneKey(
        'communities',
        'string',
        (after, size) => this.communities.sitemapPageEnd(after, size),
        async (after, size) => {
          const communities = await this.communities.sitemapPage(after, size);
          const newest = communities.length ? await this.publishedQuestions.newestInCommunities(communities.map((c) => c.id)) : new Map<string, Date>();
          return communities.map((c) => this.page(`/c/${encodeURIComponent(c.slug)}`, later(c.createdAt, newest.get(c.id))));
        },
      ),
      byOneKey(
        'tags',
        'string',
        (after, size) => this.publishedQuestions.tagSitemapPageEnd(after, size),
        async (after, size) => (await this.publishedQuestions.tagSitemapPage(after, size)).map((t) => this.page(`/t/${encodeURIComponent(t.slug)}`, t.newestQuestionAt)),
      ),
      {
        name: 'questions',
        cursor: ['timestamp', 'uuid'],
        pageEnd: async (after, size) => {
          const end = await this.publishedQuestions.sitemapPageEnd(questionKey(after), size);
          return end && [end.createdAt.toISOString(), end.id];
        },
        urls: async (after, size) => (await this.publishedQuestions.sitemapPage(questionKey(after), size)).map((q) => this.page(`/q/${q.id}`, q.lastActivityAt)),
      },
      byOneKey(
        'policies',
        'string',
        (after, size) => this.policies.documentSitemapPageEnd(after, size),
        async (after, size) => (await this.policies.documentSitemapPage(after, size)).map((d) => this.page(`/policies/${encodeURIComponent(d.slug)}`, d.latestPublishedAt)),
      ),
      byOneKey(
        'policy-versions',
        'uuid',
        (after, size) => this.policies.versionSitemapPageEnd(after, size),
        async (after, size) =>
          (await this.policies.versionSitemapPage(after, size)).map((v) => this.page(`/policies/${encodeURIComponent(v.slug)}/${v.version}`, v.publishedAt)),
      ),
      byOneKey(
        'profiles',
        'uuid',
        (after, size) => this.accounts.sitemapPageEnd(after, size),
        // Only people with something readable to show; each module answers for its own posts.
        async (after, size) => {
          const people = await this.accounts.sitemapPage(after, size);
          if (!people.length) return [];
          const [asked, answered] = await Promise.all([this.publishedQuestions.latestByAuthors(people), this.publishedAnswers.latestByAuthors(people)]);
          return people.flatMap((id) => {
            const lastPost = later(asked.get(id), answered.get(id));
            return lastPost ? [this.page(`/u/${id}`, lastPost)] : [];
          });
        },
      ),
    ];
  }
}
