import { unstorableTextIn } from './validation.js';

describe('unstorableTextIn', () => {
  it.each([
    ['plain text', 'A title'],
    ['emoji (a whole surrogate pair)', 'Thanks 😀👩‍👩‍👧'],
    ['line breaks, tabs and right-to-left marks', 'one\ntwo\tthree \u202E'],
  ])('lets %s through', (_what, text) => {
    expect(unstorableTextIn(text, 'title')).toBeUndefined();
  });

  it.each([
    ['NUL', 'nul\u0000inside', /NUL character/],
    ['a high surrogate alone', 'cut \uD83D', /half of a character/],
    ['a low surrogate alone', '\uDE00 cut', /half of a character/],
    ['two high surrogates', '\uD83D\uD83D', /half of a character/],
  ])('refuses %s', (_what, text, message) => {
    expect(unstorableTextIn(text, 'title')).toEqual({ field: 'title', message: expect.stringMatching(message) });
  });

  it('names a field like class-validator does: an input field without the argument, a nested one with its parent, list elements by their list', () => {
    expect(unstorableTextIn('x\u0000', 'password')?.field).toBe('password');
    expect(unstorableTextIn({ title: 'fine', note: 'x\u0000' }, 'input')?.field).toBe('note');
    expect(unstorableTextIn({ contributors: [{ name: 'ok', role: '\uDC00' }] }, 'input')?.field).toBe('contributors.role');
    expect(unstorableTextIn([{ role: 'ok' }, { role: 'x\u0000' }], 'input')?.field).toBe('role');
    expect(unstorableTextIn(['ok', '\u0000'], 'ids')?.field).toBe('ids');
    expect(unstorableTextIn({ count: 3, flag: true, nothing: null }, 'input')).toBeUndefined();
  });
});
