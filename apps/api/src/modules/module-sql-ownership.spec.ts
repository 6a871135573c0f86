import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Each module's SQL writes only its own tables: another module's rows change through that
 * module's service, so its rules (counters, visibility, notifications) cannot be bypassed.
 * Reads across modules are allowed where a module is a read model over others (digests,
 * search, citations, the policy-change notifier); the modules named in READS_OWN_TABLES_ONLY
 * read only their own tables too.
 */
const OWNER: Record<string, string> = {
  users: 'accounts',
  sessions: 'accounts',
  password_resets: 'accounts',
  affiliations: 'accounts',
  organisations: 'accounts',
  organisation_memberships: 'organisations',
  organisation_role_requests: 'organisations',
  organisation_role_changes: 'organisations',
  answers: 'answers',
  answer_acceptances: 'answers',
  citations: 'citations',
  comments: 'comments',
  comment_revisions: 'comments',
  communities: 'communities',
  community_members: 'communities',
  community_moderators: 'communities',
  digest_deliveries: 'digests',
  flags: 'moderation',
  moderation_log: 'moderation',
  notifications: 'notifications',
  outbox_events: 'outbox',
  policy_documents: 'policies',
  policy_versions: 'policies',
  policy_sections: 'policies',
  policy_drafts: 'policies',
  question_counts: 'questions',
  question_tags: 'questions',
  questions: 'questions',
  tags: 'questions',
  post_revisions: 'revisions',
  follows: 'subscriptions',
  notification_settings: 'subscriptions',
  votes: 'votes',
};

/**
 * Known exceptions, each with its reason. The digest watermark is the digests module's own
 * column on the settings row: finishing a delivery and moving the watermark is one statement,
 * which is what makes each digest period go out exactly once (moving it to a table of its
 * own is a migration still to write).
 */
const ALLOWED_WRITES = new Set(['digests/digest-sender.service.ts writes notification_settings']);

/** Files (relative to src/modules) that read only their own module's tables. */
const READS_OWN_TABLES_ONLY = ['comments/', 'subscriptions/', 'notifications/post-activity.ts'];

const MODULES_DIR = join(process.cwd(), 'src/modules');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Tables a file's SQL names after the given keywords (known tables only: CTE names are not tables). */
function tablesAfter(source: string, keywords: RegExp): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(new RegExp(`\\b(?:${keywords.source})\\s+"?([a-z_]+)"?`, 'g'))) {
    if (match[1] in OWNER) found.add(match[1]);
  }
  return [...found];
}

const files = sourceFiles(MODULES_DIR).map((path) => {
  const file = relative(MODULES_DIR, path);
  return { file, module: file.split('/')[0], source: readFileSync(path, 'utf8') };
});

describe("a module's SQL and its own tables", () => {
  it('finds the modules and their SQL', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => tablesAfter(f.source, /INSERT INTO/).length > 0)).toBe(true);
  });

  it("writes no other module's table", () => {
    const trespasses = files.flatMap(({ file, module, source }) =>
      tablesAfter(source, /INSERT INTO|UPDATE|DELETE FROM/)
        .filter((table) => OWNER[table] !== module && !ALLOWED_WRITES.has(`${file} writes ${table}`))
        .map((table) => `${file} writes ${table} (${OWNER[table]}'s)`),
    );
    expect(trespasses).toEqual([]);
  });

  it("reads no other module's table where a module is not a read model", () => {
    const trespasses = files
      .filter(({ file }) => READS_OWN_TABLES_ONLY.some((prefix) => file.startsWith(prefix)))
      .flatMap(({ file, module, source }) =>
        tablesAfter(source, /FROM|JOIN/)
          .filter((table) => OWNER[table] !== module)
          .map((table) => `${file} reads ${table} (${OWNER[table]}'s)`),
      );
    expect(trespasses).toEqual([]);
  });
});
