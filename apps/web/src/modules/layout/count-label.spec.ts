import { countLabel, countNoun } from './count-label';

describe('countLabel', () => {
  it('uses the singular for exactly one', () => {
    expect(countLabel(1, 'view')).toBe('1 view');
    expect(countLabel(1, 'reply', 'replies')).toBe('1 reply');
  });

  it('uses the plural for zero and for more than one', () => {
    expect(countLabel(0, 'answer')).toBe('0 answers');
    expect(countLabel(2, 'vote')).toBe('2 votes');
    expect(countLabel(-1, 'vote')).toBe('-1 votes');
    expect(countLabel(3, 'reply', 'replies')).toBe('3 replies');
  });
});

describe('countNoun', () => {
  it('gives the word alone', () => {
    expect(countNoun(1, 'member')).toBe('member');
    expect(countNoun(12, 'member')).toBe('members');
  });
});
