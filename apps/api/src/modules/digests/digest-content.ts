import { Injectable } from '@nestjs/common';

/** What a digest covers: one subscriber's activity in (since, until]. */
export interface DigestWindow {
  userId: string;
  since: Date;
  until: Date;
}

export interface DigestItem {
  title: string;
  /** A path on the site, e.g. `/q/<id>`; the renderer adds PUBLIC_URL. */
  path: string;
  detail?: string;
}

export interface DigestSection {
  key: string;
  heading: string;
  /** For the subject line, e.g. "3 new questions". */
  summary: string;
  items: DigestItem[];
  /** What did not fit, counted, each with a page that lists it. */
  more: { label: string; count: number; path: string }[];
}

export interface DigestContent {
  sections: DigestSection[];
}

/**
 * The extension point other modules use to add digest sections, e.g. the policies
 * module's "new versions of policy documents you follow" and "your answers whose
 * citations became stale". A contributor gives one SELECT over the subscriber and window,
 * written with the placeholders :userId, :since and :until (never $n), and a `build` that
 * turns its rows into a section (null when there is nothing). The sender runs every
 * contributor's SELECT in the same statement that loads the delivery, so a digest costs
 * one round trip to read however many sections there are. `order` places the section.
 */
export interface DigestSectionContributor {
  readonly key: string;
  readonly order: number;
  readonly sql: string;
  build(rows: Record<string, unknown>[]): DigestSection | null;
}

/** Where contributors register (policies: inject this and call `register` in the constructor). */
@Injectable()
export class DigestContributors {
  private readonly contributors: DigestSectionContributor[] = [];

  register(contributor: DigestSectionContributor): void {
    if (this.contributors.some((c) => c.key === contributor.key)) return;
    if (/\$\d/.test(contributor.sql)) throw new Error(`digest section ${contributor.key}: use :userId, :since and :until, not $n`);
    this.contributors.push(contributor);
    this.contributors.sort((a, b) => a.order - b.order);
  }

  all(): readonly DigestSectionContributor[] {
    return this.contributors;
  }
}

export const isEmpty = (content: DigestContent): boolean => content.sections.every((s) => s.items.length === 0 && s.more.length === 0);
