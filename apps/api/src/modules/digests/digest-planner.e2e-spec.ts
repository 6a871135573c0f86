import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { DigestPlanner } from './digest-planner.service.js';

/** Subscribers get their digest at their own local hour, on both sides of a daylight-saving change. */
describe('digest planning across time zones', () => {
  let t: TestApp;
  let planner: DigestPlanner;
  const names = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    planner = t.app.get(DigestPlanner);
    const people: [string, string, 'DAILY' | 'WEEKLY', number | null][] = [
      ['london', 'Europe/London', 'DAILY', null],
      ['new-york', 'America/New_York', 'DAILY', null],
      ['kolkata', 'Asia/Kolkata', 'DAILY', null],
      ['new-york-monday', 'America/New_York', 'WEEKLY', 1],
    ];
    for (const [name, zone, frequency, weekday] of people) {
      const [user] = (await t.db.query(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, 'x') RETURNING id`, [`${name}@example.org`, name])) as { id: string }[];
      names.set(user.id, name);
      await t.db.query(
        `INSERT INTO notification_settings (user_id, digest_frequency, digest_weekday, digest_hour, time_zone, email_confirmed_at, created_at)
         VALUES ($1, $2, $3, $4, $5, '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z')`,
        [user.id, frequency, weekday, frequency === 'WEEKLY' ? 9 : 8, zone],
      );
    }
  });
  afterAll(() => t.close());

  /** Plans at the given instant and returns what became due, as "name period dueAt". */
  const seen = new Set<string>();
  async function planAt(iso: string): Promise<string[]> {
    await planner.plan(new Date(iso));
    const rows = (await t.db.query(`SELECT id, user_id, period, due_at FROM digest_deliveries ORDER BY due_at, period`)) as {
      id: string;
      user_id: string;
      period: string;
      due_at: Date;
    }[];
    const fresh = rows.filter((r) => !seen.has(r.id));
    for (const r of fresh) seen.add(r.id);
    return fresh.map((r) => `${names.get(r.user_id)} ${r.period} ${r.due_at.toISOString().slice(0, 16)}`);
  }

  it('uses summer time before the European change and winter time after it', async () => {
    // The first run catches up with the periods already due that day (and that week).
    expect(await planAt('2026-10-23T23:00:00Z')).toEqual([
      'new-york-monday weekly:2026-W43 2026-10-19T13:00',
      'new-york daily:2026-10-23 2026-10-23T12:00',
    ]);
    expect(await planAt('2026-10-24T02:29:00Z')).toEqual([]);
    expect(await planAt('2026-10-24T02:30:00Z')).toEqual(['kolkata daily:2026-10-24 2026-10-24T02:30']);
    expect(await planAt('2026-10-24T06:59:00Z')).toEqual([]);
    expect(await planAt('2026-10-24T07:00:00Z')).toEqual(['london daily:2026-10-24 2026-10-24T07:00']);
    expect(await planAt('2026-10-24T11:59:00Z')).toEqual([]);
    expect(await planAt('2026-10-24T12:00:00Z')).toEqual(['new-york daily:2026-10-24 2026-10-24T12:00']);
    // London left summer time at 01:00 UTC on 25 October: 08:00 is now 08:00 UTC, not 07:00.
    expect(await planAt('2026-10-25T07:00:00Z')).toEqual(['kolkata daily:2026-10-25 2026-10-25T02:30']);
    expect(await planAt('2026-10-25T07:59:00Z')).toEqual([]);
    expect(await planAt('2026-10-25T08:00:00Z')).toEqual(['london daily:2026-10-25 2026-10-25T08:00']);
    expect(await planAt('2026-10-25T12:00:00Z')).toEqual(['new-york daily:2026-10-25 2026-10-25T12:00']);
  });

  it('follows New York off summer time a week later, daily and weekly', async () => {
    expect(await planAt('2026-11-01T12:00:00Z')).toEqual([
      'new-york-monday weekly:2026-W44 2026-10-26T13:00',
      'kolkata daily:2026-11-01 2026-11-01T02:30',
      'london daily:2026-11-01 2026-11-01T08:00',
    ]);
    expect(await planAt('2026-11-01T13:00:00Z')).toEqual(['new-york daily:2026-11-01 2026-11-01T13:00']);
    // Monday 2 November, 09:00 in New York is 14:00 UTC now.
    expect(await planAt('2026-11-02T13:59:00Z')).toEqual([
      'kolkata daily:2026-11-02 2026-11-02T02:30',
      'london daily:2026-11-02 2026-11-02T08:00',
      'new-york daily:2026-11-02 2026-11-02T13:00',
    ]);
    expect(await planAt('2026-11-02T14:00:00Z')).toEqual(['new-york-monday weekly:2026-W45 2026-11-02T14:00']);
    // Later that week: nothing more for the weekly subscriber. Days nobody planned (the planner was
    // not run on 3 November here) are not sent late one by one; the next digest covers them.
    expect(await planAt('2026-11-04T23:00:00Z')).toEqual(['london daily:2026-11-04 2026-11-04T08:00', 'new-york daily:2026-11-04 2026-11-04T13:00']);
  });

  it('never plans a period twice, however often it runs', async () => {
    expect(await planAt('2026-11-04T23:00:00Z')).toEqual([]);
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM (SELECT user_id, period FROM digest_deliveries GROUP BY 1, 2 HAVING count(*) > 1) d`)) as { n: number }[];
    expect(n).toBe(0);
  });
});
