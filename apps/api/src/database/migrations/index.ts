import { ForumFoundation1764000000000 } from './1764000000000-forum-foundation.js';
import { PoliciesAndCitations1764100000000 } from './1764100000000-policies-and-citations.js';
import { SubscriptionsDigests1764200000000 } from './1764200000000-subscriptions-digests.js';
import { DigestIndexes1764200000001 } from './1764200000001-digest-indexes.js';
import { DigestBatchReads1764300000000 } from './1764300000000-digest-batch-reads.js';
import { GrantedRoles1764400000000 } from './1764400000000-granted-roles.js';
import { Moderation1764400000001 } from './1764400000001-moderation.js';
import { OrganisationRoleRequests1764400000002 } from './1764400000002-organisation-role-requests.js';
import { PasswordResetsAndErasure1764400000003 } from './1764400000003-password-resets-and-erasure.js';
import { SessionLifetimes1764400000006 } from './1764400000006-session-lifetimes.js';
import { Outbox1764400000007 } from './1764400000007-outbox.js';
import { QuestionCounts1764400000020 } from './1764400000020-question-counts.js';
import { QuestionListIndexes1764400000021 } from './1764400000021-question-list-indexes.js';
import { PolicySectionSearch1764400000030 } from './1764400000030-policy-section-search.js';
import { CommentRevisions1764400000050 } from './1764400000050-comment-revisions.js';
import { QuestionTitleSearch1764400000060 } from './1764400000060-question-title-search.js';

/** In the order they run. Listed, not globbed, so the compiled ESM build needs no loader tricks. */
export const migrations = [
  ForumFoundation1764000000000, PoliciesAndCitations1764100000000, SubscriptionsDigests1764200000000, DigestIndexes1764200000001, DigestBatchReads1764300000000,
  GrantedRoles1764400000000,
  Moderation1764400000001,
  OrganisationRoleRequests1764400000002,
  PasswordResetsAndErasure1764400000003,
  SessionLifetimes1764400000006,
  Outbox1764400000007,
  QuestionCounts1764400000020,
  QuestionListIndexes1764400000021,
  PolicySectionSearch1764400000030,
  CommentRevisions1764400000050,
  QuestionTitleSearch1764400000060,
];
