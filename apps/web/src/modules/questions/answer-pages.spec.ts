import { answersPageOf, answersPagePath } from './answer-pages';

describe('pages of answers', () => {
  it('reads the page an address asks for: 1 without ?page, 2 and on by number, nothing else', () => {
    expect(answersPageOf(null)).toBe(1);
    expect(answersPageOf('2')).toBe(2);
    expect(answersPageOf('340')).toBe(340);
    for (const value of ['1', '0', '-2', '2.5', 'two', '', '02', '99999']) expect({ value, page: answersPageOf(value) }).toEqual({ value, page: null });
  });

  it('gives the first page the bare address and later ones ?page=N', () => {
    expect(answersPagePath('/q/q1', 1)).toBe('/q/q1');
    expect(answersPagePath('/q/q1', 3)).toBe('/q/q1?page=3');
  });
});
