import { nextVote } from './next-vote';

describe('nextVote', () => {
  it('votes when there is no vote', () => {
    expect(nextVote('NONE', 'UP')).toBe('UP');
    expect(nextVote('NONE', 'DOWN')).toBe('DOWN');
  });
  it('takes a vote back when the same arrow is clicked', () => {
    expect(nextVote('UP', 'UP')).toBe('NONE');
    expect(nextVote('DOWN', 'DOWN')).toBe('NONE');
  });
  it('switches sides', () => {
    expect(nextVote('UP', 'DOWN')).toBe('DOWN');
    expect(nextVote('DOWN', 'UP')).toBe('UP');
  });
});
