import { groupFollows, isFollowing } from './follows';

describe('isFollowing', () => {
  const follows = [
    { kind: 'TAG' as const, targetId: 't1' },
    { kind: 'QUESTION' as const, targetId: 'q1' },
  ];

  it('matches kind and any of the given ids', () => {
    expect(isFollowing(follows, 'TAG', ['parish-councils', 't1'])).toBe(true);
    expect(isFollowing(follows, 'QUESTION', ['q1'])).toBe(true);
  });

  it('does not match another kind with the same id, or missing ids', () => {
    expect(isFollowing(follows, 'COMMUNITY', ['t1'])).toBe(false);
    expect(isFollowing(follows, 'TAG', [undefined])).toBe(false);
  });
});

describe('groupFollows', () => {
  it('groups by kind in a fixed order and sorts each group by label', () => {
    const groups = groupFollows([
      { kind: 'QUESTION' as const, label: 'b question' },
      { kind: 'COMMUNITY' as const, label: 'Social media' },
      { kind: 'QUESTION' as const, label: 'a question' },
    ]);
    expect(groups.map((group) => [group.heading, group.follows.map((follow) => follow.label)])).toEqual([
      ['Communities', ['Social media']],
      ['Questions', ['a question', 'b question']],
    ]);
  });
});
