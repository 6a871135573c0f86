import { questionTabFrom, questionTabQuery } from './question-tabs';

describe('question tabs', () => {
  it('falls back to newest for unknown tabs', () => {
    expect(questionTabFrom(null)).toBe('newest');
    expect(questionTabFrom('votes')).toBe('newest');
    expect(questionTabFrom('active')).toBe('active');
  });

  it('turns a tab into the list query', () => {
    const base = { communitySlug: 'social-media-in-local-government' };
    expect(questionTabQuery('newest', base)).toEqual({ filter: base, orderBy: 'NEWEST' });
    expect(questionTabQuery('active', base)).toEqual({ filter: base, orderBy: 'ACTIVE' });
    expect(questionTabQuery('unanswered', base)).toEqual({ filter: { ...base, unanswered: true }, orderBy: 'NEWEST' });
  });
});
