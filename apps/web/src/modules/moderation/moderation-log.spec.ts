import { moderationActionLabel, moderationEntryPath, moderationPaths, moderationSubjectPath } from './moderation-log';

describe('moderationActionLabel', () => {
  it('names every logged action in words, and still reads an unknown one', () => {
    expect(moderationActionLabel('FLAG_HIDE')).toBe('Hidden by flags');
    expect(moderationActionLabel('DISMISS_FLAGS')).toBe('Flags dismissed');
    expect(moderationActionLabel('OWN_DELETE')).toBe('Deleted by its author');
    expect(moderationActionLabel('MERGE_TAGS')).toBe('Merge tags');
  });
});

describe('moderationSubjectPath', () => {
  it('links a post within its question and a member to their profile', () => {
    expect(moderationSubjectPath({ subjectKind: 'QUESTION', subjectId: 'q1', question: { id: 'q1' } })).toBe('/q/q1');
    expect(moderationSubjectPath({ subjectKind: 'ANSWER', subjectId: 'a1', question: { id: 'q1' } })).toBe('/q/q1#answer-a1');
    expect(moderationSubjectPath({ subjectKind: 'COMMENT', subjectId: 'c1', question: { id: 'q1' } })).toBe('/q/q1');
    expect(moderationSubjectPath({ subjectKind: 'USER', subjectId: 'u1', subjectUser: { id: 'u1' } })).toBe('/u/u1');
    expect(moderationSubjectPath({ subjectKind: 'ANSWER', subjectId: 'a1', question: null })).toBeNull();
  });
});

describe('moderation paths', () => {
  it('has a site-wide and a per-community queue and log', () => {
    expect(moderationPaths(null)).toEqual({ queue: '/moderation', log: '/moderation/log' });
    expect(moderationPaths('social-media')).toEqual({ queue: '/c/social-media/moderation', log: '/c/social-media/moderation/log' });
  });

  it('links moderators only, to the queue they may see', () => {
    expect(moderationEntryPath(null)).toBeNull();
    expect(moderationEntryPath({ role: 'MEMBER', moderatedCommunities: [] })).toBeNull();
    expect(moderationEntryPath({ role: 'MEMBER', moderatedCommunities: [{ slug: 'parish' }] })).toBe('/c/parish/moderation');
    expect(moderationEntryPath({ role: 'MEMBER', moderatedCommunities: [{ slug: 'a' }, { slug: 'b' }] })).toBe('/moderation');
    expect(moderationEntryPath({ role: 'MODERATOR', moderatedCommunities: [{ slug: 'a' }] })).toBe('/moderation');
    expect(moderationEntryPath({ role: 'ADMIN', moderatedCommunities: [] })).toBe('/moderation');
  });
});
