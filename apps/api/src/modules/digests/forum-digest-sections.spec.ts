import { newQuestionsSection, watchedQuestionsSection, type NewQuestion } from './forum-digest-sections.js';

const at = (iso: string) => new Date(iso).getTime();
const window = { userId: 'me', since: new Date('2026-12-01T08:00:00Z'), until: new Date('2026-12-02T08:00:00Z') };

function question(id: string, overrides: Partial<NewQuestion> = {}): NewQuestion {
  return {
    id,
    title: `Question ${id}`,
    activity: 0,
    createdAt: at('2026-12-01T12:00:00Z'),
    authorId: 'someone',
    communityId: 'c-parish',
    communitySlug: 'parish-councils',
    communityTitle: 'Parish Councils',
    tags: [],
    ...overrides,
  };
}

describe('the new questions section', () => {
  const follows = { communities: new Set(['c-parish']), tags: new Set(['t-social', 't-blogs']) };

  it('takes questions after the watermark up to and including the due time, never the subscriber’s own', () => {
    const section = newQuestionsSection(window, follows, [
      question('at-watermark', { createdAt: window.since.getTime() }),
      question('just-after', { createdAt: window.since.getTime() + 1 }),
      question('at-due-time', { createdAt: window.until.getTime() }),
      question('after-due-time', { createdAt: window.until.getTime() + 1 }),
      question('mine', { authorId: 'me' }),
    ]);
    expect(section?.items.map((i) => i.path).sort()).toEqual(['/q/at-due-time', '/q/just-after']);
    expect(section?.summary).toBe('2 new questions');
  });

  it('lists a question once: under its community when followed, else under its followed tag with the first slug', () => {
    const section = newQuestionsSection(window, follows, [
      question('in-community', { tags: [['t-social', 'social-media']] }),
      question('tagged-twice', { communityId: 'c-other', communityTitle: 'Other', tags: [['t-social', 'social-media'], ['t-blogs', 'blogs']] }),
      question('not-followed', { communityId: 'c-other', communityTitle: 'Other', tags: [['t-unfollowed', 'highways']] }),
    ]);
    expect(section?.items).toEqual([
      { title: 'Question in-community', path: '/q/in-community', detail: 'in Parish Councils' },
      { title: 'Question tagged-twice', path: '/q/tagged-twice', detail: 'tagged #blogs' },
    ]);
  });

  it('shows the five most active (then newest, then by id) and counts the rest per community or tag', () => {
    const questions = [
      question('q1', { activity: 1, createdAt: at('2026-12-01T09:00:00Z') }),
      question('q2', { activity: 9 }),
      question('q3', { activity: 1, createdAt: at('2026-12-01T10:00:00Z') }),
      question('q4', { activity: 5 }),
      question('q5', { activity: 1, createdAt: at('2026-12-01T10:00:00Z') }),
      question('q6', { activity: 0 }),
      question('t1', { activity: 3, communityId: 'c-other', tags: [['t-social', 'social-media']] }),
      question('t2', { activity: 0, communityId: 'c-other', tags: [['t-social', 'social-media']] }),
    ];
    const section = newQuestionsSection(window, follows, questions);
    expect(section?.items.map((i) => i.path)).toEqual(['/q/q2', '/q/q4', '/q/t1', '/q/q3', '/q/q5']);
    expect(section?.more).toEqual([
      { label: 'Parish Councils', count: 2, path: '/c/parish-councils' },
      { label: '#social-media', count: 1, path: '/t/social-media' },
    ]);
    expect(section?.summary).toBe('8 new questions');
  });

  it('is empty when nothing new reached the subscriber', () => {
    expect(newQuestionsSection(window, { communities: new Set(), tags: new Set() }, [question('q1')])).toBeNull();
  });
});

describe('the watched questions section', () => {
  const titles = new Map([
    ['qa', 'Officers blogging as parish councillors'],
    ['qb', 'Declaring a school governorship'],
    ['qc', 'Unwatched'],
  ]);

  it('counts new answers and acceptances in the window by others, the most answered first', () => {
    const activity = {
      answers: new Map<string, [string, number][]>([
        ['qa', [['ann', at('2026-12-01T09:00:00Z')], ['me', at('2026-12-01T09:30:00Z')], ['bob', window.since.getTime()]]],
        ['qb', [['ann', at('2026-12-01T09:00:00Z')], ['bob', at('2026-12-02T07:59:59Z')]]],
        ['qc', [['ann', at('2026-12-01T09:00:00Z')]]],
      ]),
      acceptances: new Map<string, [string, number][]>([
        ['qa', [['ann', at('2026-12-01T11:00:00Z')]]],
        ['qb', [['me', at('2026-12-01T11:00:00Z')]]],
      ]),
      titles,
    };
    const section = watchedQuestionsSection(window, ['qa', 'qb'], activity);
    expect(section?.summary).toBe('3 new answers, 1 accepted answer');
    expect(section?.items).toEqual([
      { title: 'Declaring a school governorship', path: '/q/qb', detail: '2 new answers' },
      { title: 'Officers blogging as parish councillors', path: '/q/qa', detail: '1 new answer · an answer was accepted' },
    ]);
  });

  it('is empty when the watched questions had nothing new from anyone else', () => {
    const activity = { answers: new Map<string, [string, number][]>([['qa', [['me', at('2026-12-01T09:00:00Z')]]]]), acceptances: new Map(), titles };
    expect(watchedQuestionsSection(window, ['qa'], activity)).toBeNull();
  });
});
