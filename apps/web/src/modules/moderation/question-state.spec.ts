import { answerFormState, closedSentence, questionIdFromReference, suspensionNotice, type QuestionState } from './question-state';

const ID = '3f2c1a9e-8b7d-4c6e-9f10-112233445566';
const open: QuestionState = { closedReason: null, isLocked: false, viewerCanAnswer: true, duplicateOf: null, moderation: { visibility: 'VISIBLE' } };
const now = new Date('2026-03-01T12:00:00Z');
const member = { suspendedUntil: null };

describe('answerFormState', () => {
  it('asks a signed-out reader to sign in', () => {
    expect(answerFormState({ ...open, viewerCanAnswer: false }, null, now)).toEqual({ kind: 'sign-in' });
  });

  it('shows the form when the API says the viewer may answer', () => {
    expect(answerFormState(open, member, now)).toEqual({ kind: 'open' });
  });

  it('says why not, most specific reason first', () => {
    const refused = { ...open, viewerCanAnswer: false };
    expect(answerFormState({ ...refused, isLocked: true, closedReason: 'OFF_TOPIC' }, member, now)).toEqual({ kind: 'closed', message: 'This question is locked: it takes no new answers or comments.' });
    expect(answerFormState({ ...refused, closedReason: 'OFF_TOPIC' }, member, now)).toEqual({ kind: 'closed', message: 'This question is closed (off-topic), so it takes no new answers.' });
    expect(answerFormState({ ...refused, closedReason: 'DUPLICATE' }, member, now)).toEqual({ kind: 'closed', message: 'This question is closed as a duplicate: answer the original question instead.' });
    expect(answerFormState({ ...refused, moderation: { visibility: 'DELETED' } }, member, now).kind).toBe('closed');
    expect(answerFormState(refused, { suspendedUntil: '2026-03-08T12:00:00Z' }, now)).toEqual({ kind: 'closed', message: expect.stringMatching(/^Your account is suspended until 8 Mar 2026/) });
    expect(answerFormState(refused, { suspendedUntil: '2026-02-01T12:00:00Z' }, now)).toEqual({ kind: 'closed', message: 'You cannot answer this question.' });
  });
});

describe('closedSentence', () => {
  it('names the reason, and introduces the duplicate target', () => {
    expect(closedSentence({ closedReason: null })).toBeNull();
    expect(closedSentence({ closedReason: 'OFF_TOPIC' })).toBe('This question is closed as off-topic.');
    expect(closedSentence({ closedReason: 'DUPLICATE', duplicateOf: { id: ID, title: 'Earlier' } })).toBe('This question is closed as a duplicate of:');
    expect(closedSentence({ closedReason: 'DUPLICATE', duplicateOf: null })).toBe('This question is closed as a duplicate.');
  });
});

describe('suspensionNotice', () => {
  it('is only for a suspension still running', () => {
    expect(suspensionNotice(null, now)).toBeNull();
    expect(suspensionNotice('2026-02-28T12:00:00Z', now)).toBeNull();
    expect(suspensionNotice('2026-03-02T12:00:00Z', now)).toMatch(/^Your account is suspended until 2 Mar 2026.*You can read everything, but you cannot post/);
  });
});

describe('questionIdFromReference', () => {
  it('reads a bare id, a path or a link from any page of the question', () => {
    expect(questionIdFromReference(` ${ID} `)).toBe(ID);
    expect(questionIdFromReference(`/q/${ID}`)).toBe(ID);
    expect(questionIdFromReference(`https://commons.example.org/q/${ID.toUpperCase()}#answer-1`)).toBe(ID);
    expect(questionIdFromReference(`http://localhost:5173/q/${ID}?x=1`)).toBe(ID);
  });

  it('ignores text that is not a question reference (a title to search for)', () => {
    expect(questionIdFromReference('social media policy for parish councillors')).toBeNull();
    expect(questionIdFromReference('https://example.org/u/' + ID)).toBeNull();
    expect(questionIdFromReference('/q/not-an-id')).toBeNull();
  });
});
