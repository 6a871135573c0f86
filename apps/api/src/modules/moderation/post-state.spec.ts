import { can, SiteRole, type Actor } from '../access/access.policy.js';
import { answerSubject, commentSubject, PostVisibility, questionSubject, visibilityOf } from './post-state.js';

const member = (id: string, extra: Partial<Actor> = {}): Actor => ({
  id,
  siteRole: SiteRole.MEMBER,
  organisationRoles: {},
  moderatedCommunityIds: [],
  suspendedUntil: null,
  ...extra,
});
const author = member('author');
const reader = member('reader');
const moderator = member('moderator', { moderatedCommunityIds: ['c1'] });
const otherModerator = member('other-moderator', { moderatedCommunityIds: ['c2'] });
const suspendedAuthor = member('author', { suspendedUntil: '2999-01-01T00:00:00.000Z' });

const at = new Date('2026-01-01T00:00:00Z');
const question = (state: { hiddenAt?: Date; deletedAt?: Date; closedAt?: Date; lockedAt?: Date } = {}) => ({ communityId: 'c1', authorId: 'author', ...state });

describe('post state and the permission policy', () => {
  it('says DELETED before HIDDEN, and VISIBLE for rows read without the columns', () => {
    expect(visibilityOf({})).toBe(PostVisibility.VISIBLE);
    expect(visibilityOf({ hiddenAt: at })).toBe(PostVisibility.HIDDEN);
    expect(visibilityOf({ hiddenAt: at, deletedAt: at })).toBe(PostVisibility.DELETED);
  });

  it('lets everyone read a visible post, and only its author and its moderators a removed one (even while suspended)', () => {
    expect(can(null, 'view', questionSubject(question())).allowed).toBe(true);
    for (const state of [{ hiddenAt: at }, { deletedAt: at }]) {
      const subject = questionSubject(question(state));
      expect(can(null, 'view', subject).allowed).toBe(false);
      expect(can(reader, 'view', subject).allowed).toBe(false);
      expect(can(otherModerator, 'view', subject).allowed).toBe(false);
      expect(can(author, 'view', subject).allowed).toBe(true);
      expect(can(suspendedAuthor, 'view', subject).allowed).toBe(true);
      expect(can(moderator, 'view', subject).allowed).toBe(true);
    }
  });

  it('refuses answers to closed, locked, hidden or deleted questions, with a reason', () => {
    expect(can(reader, 'answer', questionSubject(question())).allowed).toBe(true);
    expect(can(reader, 'answer', questionSubject(question({ closedAt: at })))).toMatchObject({ allowed: false, reason: expect.stringContaining('closed') });
    expect(can(reader, 'answer', questionSubject(question({ lockedAt: at })))).toMatchObject({ allowed: false, reason: expect.stringContaining('locked') });
    expect(can(reader, 'answer', questionSubject(question({ hiddenAt: at })))).toMatchObject({ allowed: false, reason: expect.stringContaining('hidden') });
    expect(can(reader, 'answer', questionSubject(question({ deletedAt: at })))).toMatchObject({ allowed: false, reason: expect.stringContaining('removed') });
  });

  it('refuses comments under a locked or removed question, and on a hidden post except to moderators', () => {
    const answer = { authorId: 'helper' };
    expect(can(reader, 'comment', answerSubject(answer, question({ closedAt: at }))).allowed).toBe(true);
    expect(can(reader, 'comment', answerSubject(answer, question({ lockedAt: at })))).toMatchObject({ allowed: false, reason: expect.stringContaining('locked') });
    expect(can(reader, 'comment', answerSubject(answer, question({ deletedAt: at })))).toMatchObject({ allowed: false, reason: expect.stringContaining('removed') });
    expect(can(reader, 'comment', answerSubject({ ...answer, hiddenAt: at }, question())).allowed).toBe(false);
    expect(can(moderator, 'comment', answerSubject({ ...answer, hiddenAt: at }, question())).allowed).toBe(true);
  });

  it('refuses votes and flags on removed posts, and flags on your own', () => {
    const comment = commentSubject({ authorId: 'author' }, question());
    expect(can(reader, 'flag', comment).allowed).toBe(true);
    expect(can(author, 'flag', comment)).toMatchObject({ allowed: false, reason: expect.stringContaining('your own comment') });
    expect(can(reader, 'flag', commentSubject({ authorId: 'author', hiddenAt: at }, question()))).toMatchObject({ allowed: false, reason: expect.stringContaining('hidden') });
    expect(can(reader, 'vote', answerSubject({ authorId: 'author', deletedAt: at }, question()))).toMatchObject({ allowed: false, reason: expect.stringContaining('removed') });
    expect(can(reader, 'vote', answerSubject({ authorId: 'author' }, question({ hiddenAt: at })))).toMatchObject({ allowed: false, reason: expect.stringContaining('question was removed') });
  });

  it('shows a suspension to the person, site staff and community moderators only', () => {
    const subject = { kind: 'user' as const, userId: 'author', siteRole: SiteRole.MEMBER };
    expect(can(suspendedAuthor, 'view-suspension', subject).allowed).toBe(true);
    expect(can(moderator, 'view-suspension', subject).allowed).toBe(true);
    expect(can(member('staff', { siteRole: SiteRole.MODERATOR }), 'view-suspension', subject).allowed).toBe(true);
    expect(can(reader, 'view-suspension', subject).allowed).toBe(false);
    expect(can(null, 'view-suspension', subject).allowed).toBe(false);
  });
});
