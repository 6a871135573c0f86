import { Field, Float, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PostVisibility } from './post-state.js';

export enum FlagReason {
  SPAM = 'SPAM',
  ABUSIVE = 'ABUSIVE',
  OFF_TOPIC = 'OFF_TOPIC',
  DUPLICATE = 'DUPLICATE',
  NEEDS_IMPROVEMENT = 'NEEDS_IMPROVEMENT',
  OTHER = 'OTHER',
}
registerEnumType(FlagReason, { name: 'FlagReason' });

export enum FlagStatus {
  PENDING = 'PENDING',
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}
registerEnumType(FlagStatus, { name: 'FlagStatus' });

export enum FlagOutcome {
  HIDE = 'HIDE',
  DELETE = 'DELETE',
  DISMISS = 'DISMISS',
}
registerEnumType(FlagOutcome, { name: 'FlagOutcome' });

export enum PostKind {
  QUESTION = 'QUESTION',
  ANSWER = 'ANSWER',
  COMMENT = 'COMMENT',
}
registerEnumType(PostKind, { name: 'PostKind' });

registerEnumType(PostVisibility, { name: 'PostVisibility' });

/** A post's moderation state as the signed-in person may see it. */
@ObjectType('PostModeration')
export class PostModerationModel {
  @Field(() => PostVisibility)
  visibility: PostVisibility;

  @Field(() => String, {
    nullable: true,
    description:
      'The tombstone\'s words, e.g. "removed by a moderator: spam". For a deleted post everyone sees them; for a hidden one only its author and moderators.',
  })
  removalReason: string | null;

  @Field(() => Boolean)
  viewerHasFlagged: boolean;

  @Field(() => Boolean)
  viewerCanFlag: boolean;

  @Field(() => Boolean)
  viewerCanModerate: boolean;

  @Field(() => Boolean)
  viewerCanDelete: boolean;

  @Field(() => Boolean)
  viewerCanEdit: boolean;

  @Field(() => Boolean, { description: 'Its author edited it while hidden and asked moderators to look again (author and moderators only).' })
  reviewRequested: boolean;
}

@ObjectType('Flag')
export class FlagModel {
  @Field(() => ID)
  id: string;

  @Field(() => FlagReason)
  reason: FlagReason;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => FlagStatus)
  status: FlagStatus;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  flaggerId: string;
  communityId: string;
}

@ObjectType('FlaggedPost')
export class FlaggedPostModel {
  @Field(() => ID)
  postId: string;

  @Field(() => PostKind)
  kind: PostKind;

  @Field(() => String, { description: 'The start of its text, for moderators.' })
  excerpt: string;

  @Field(() => PostVisibility)
  visibility: PostVisibility;

  @Field(() => Float, { description: "The pending flags' total weight (hidden at 2)." })
  flagWeight: number;

  /** Every flag on the post, oldest first (exposed by FlaggedPostResolver.flags, a page at a time). */
  flags: FlagModel[];

  @Field(() => Boolean)
  reviewRequested: boolean;

  questionId: string;
  authorId: string;
  communityId: string;
}

@ObjectType('ModerationLogEntry')
export class ModerationLogEntryModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'FLAG_HIDE, HIDE, DELETE, OWN_DELETE, RESTORE, DISMISS_FLAGS, CLOSE, REOPEN, LOCK, UNLOCK, SUSPEND, UNSUSPEND or ERASE' })
  action: string;

  @Field(() => String, { description: 'QUESTION, ANSWER, COMMENT or USER' })
  subjectKind: string;

  @Field(() => ID)
  subjectId: string;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  actorId: string | null;
  communityId: string | null;
}

@ObjectType('ModerationLogConnection')
export class ModerationLogConnection {
  @Field(() => [ModerationLogEntryModel])
  entries: ModerationLogEntryModel[];

  @Field(() => String, { nullable: true })
  nextCursor: string | null;
}
