import { AffiliationEntity } from '../modules/accounts/affiliation.entity.js';
import { OrganisationEntity } from '../modules/accounts/organisation.entity.js';
import { SessionEntity } from '../modules/accounts/session.entity.js';
import { UserEntity } from '../modules/accounts/user.entity.js';
import { AnswerEntity } from '../modules/answers/answer.entity.js';
import { CitationEntity } from '../modules/citations/citation.entity.js';
import { CommentEntity, CommentRevisionEntity } from '../modules/comments/comment.entity.js';
import { CommunityEntity, CommunityMemberEntity, CommunityModeratorEntity } from '../modules/communities/community.entity.js';
import { OrganisationMembershipEntity, OrganisationRoleChangeEntity, OrganisationRoleRequestEntity } from '../modules/organisations/organisation-roles.entity.js';
import { PolicyDocumentEntity, PolicyDraftEntity, PolicySectionEntity, PolicyVersionEntity } from '../modules/policies/policy.entity.js';
import { QuestionEntity, QuestionTagEntity, TagEntity } from '../modules/questions/question.entity.js';
import { PostRevisionEntity } from '../modules/revisions/post-revision.entity.js';
import { VoteEntity } from '../modules/votes/vote.entity.js';

/** Every entity, listed so the ESM build needs no glob loading. */
export const entities = [
  UserEntity,
  SessionEntity,
  OrganisationEntity,
  AffiliationEntity,
  CommunityEntity,
  CommunityMemberEntity,
  CommunityModeratorEntity,
  QuestionEntity,
  TagEntity,
  QuestionTagEntity,
  AnswerEntity,
  PostRevisionEntity,
  CommentEntity,
  CommentRevisionEntity,
  VoteEntity,
  PolicyDocumentEntity,
  PolicyVersionEntity,
  PolicySectionEntity,
  PolicyDraftEntity,
  CitationEntity,
  OrganisationMembershipEntity,
  OrganisationRoleRequestEntity,
  OrganisationRoleChangeEntity,
];
