import { removedPostNotice, type PostModerationState } from './post-visibility';

const visible: PostModerationState = { visibility: 'VISIBLE', removalReason: null, reviewRequested: false, viewerCanEdit: false };

describe('removedPostNotice', () => {
  it('says nothing about a visible post', () => {
    expect(removedPostNotice('answer', visible, false)).toBeNull();
  });

  it('uses the phrase the API gives', () => {
    expect(removedPostNotice('answer', { ...visible, visibility: 'DELETED', removalReason: 'removed by a moderator: spam' }, false)?.tombstone).toBe('This answer was removed by a moderator: spam.');
    expect(removedPostNotice('comment', { ...visible, visibility: 'DELETED', removalReason: 'deleted by its author' }, false)?.tombstone).toBe('This comment was deleted by its author.');
    expect(removedPostNotice('question', { ...visible, visibility: 'HIDDEN', removalReason: 'Hidden after flags from the community.' }, false)?.tombstone).toBe('This question was hidden after flags from the community.');
  });

  it("turns a moderator's bare reason into the tombstone", () => {
    expect(removedPostNotice('answer', { ...visible, visibility: 'DELETED', removalReason: 'spam' }, false)?.tombstone).toBe('This answer was removed by a moderator: spam.');
    expect(removedPostNotice('answer', { ...visible, visibility: 'HIDDEN', removalReason: 'abusive' }, false)?.tombstone).toBe('This answer was hidden by a moderator: abusive.');
  });

  it('stays short when the reason is not given (people who may not read the post)', () => {
    expect(removedPostNotice('answer', { ...visible, visibility: 'DELETED' }, false)?.tombstone).toBe('This answer was deleted.');
    expect(removedPostNotice('question', { ...visible, visibility: 'HIDDEN', removalReason: '' }, false)?.tombstone).toBe('This question was hidden.');
  });

  it('tells the author of a hidden post how to ask for a review, and that they did', () => {
    const hidden: PostModerationState = { ...visible, visibility: 'HIDDEN', removalReason: 'hidden after flags from the community', viewerCanEdit: true };
    expect(removedPostNotice('answer', hidden, true)).toEqual({
      tombstone: 'This answer was hidden after flags from the community.',
      audience: 'Only you and the moderators can read it.',
      reviewHint: 'Edit it to fix what was wrong and the moderators will review it again.',
    });
    expect(removedPostNotice('answer', { ...hidden, reviewRequested: true }, true)?.reviewHint).toBe('You edited it, so the moderators will review it again.');
    expect(removedPostNotice('answer', hidden, false)).toEqual({
      tombstone: 'This answer was hidden after flags from the community.',
      audience: 'Only its author and moderators can read it.',
      reviewHint: null,
    });
  });

  it('offers no review for a deleted post', () => {
    expect(removedPostNotice('answer', { ...visible, visibility: 'DELETED', removalReason: 'deleted by its author', viewerCanEdit: true }, true)?.reviewHint).toBeNull();
  });
});
