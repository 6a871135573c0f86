/**
 * The one permission policy: every resolver and service asks `can` (or `authorize`)
 * whether an actor may do an action to a subject. No other code compares roles.
 * docs/ARCHITECTURE.md ("Who may do what") lists the same table in words; the
 * authorisation matrix test (access-matrix.e2e-spec.ts) proves every refusal over HTTP.
 *
 * Pure: no Nest, no database. What it needs about the actor is loaded with the session
 * (AccountsService.viewerForToken), what it needs about the subject the caller has in hand.
 */

export enum SiteRole {
  MEMBER = 'MEMBER',
  /** Moderates every community (Discourse's "moderator"). */
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
}

export enum OrganisationRole {
  MEMBER = 'MEMBER',
  POLICY_AUTHOR = 'POLICY_AUTHOR',
  ORG_ADMIN = 'ORG_ADMIN',
}

/** Each role includes the ones before it: an ORG_ADMIN may author, a POLICY_AUTHOR is a member. */
const ORGANISATION_ROLE_RANK: Record<OrganisationRole, number> = {
  [OrganisationRole.MEMBER]: 1,
  [OrganisationRole.POLICY_AUTHOR]: 2,
  [OrganisationRole.ORG_ADMIN]: 3,
};

/** 1 for MEMBER up to 3 for ORG_ADMIN, for listing people with the most responsibility first. */
export const organisationRoleRank = (role: OrganisationRole): number => ORGANISATION_ROLE_RANK[role];

/** Whether holding `held` already gives everything `wanted` would (null: holds no role). */
export const includesRole = (held: OrganisationRole | null | undefined, wanted: OrganisationRole): boolean =>
  !!held && ORGANISATION_ROLE_RANK[held] >= ORGANISATION_ROLE_RANK[wanted];

/** A signed-in person and the rights they were granted (never the ones they declared). */
export interface Actor {
  id: string;
  siteRole: SiteRole;
  /** organisation id → the role granted there. */
  organisationRoles: Readonly<Record<string, OrganisationRole>>;
  /** Communities this person was appointed to moderate. */
  moderatedCommunityIds: readonly string[];
  /** ISO time until which the person may read but not write; null when not suspended. */
  suspendedUntil: string | null;
}

/** A question, answer or comment, as much as the policy needs to know about it. */
export interface PostSubject {
  kind: 'question' | 'answer' | 'comment';
  communityId: string;
  authorId: string;
  /** For answers and comments: whether the question they belong to is closed / locked. */
  questionClosed?: boolean;
  questionLocked?: boolean;
  /** For questions. */
  closed?: boolean;
  locked?: boolean;
  deleted?: boolean;
  /** Hidden after flags or by a moderator: only its author and moderators still read it. */
  hidden?: boolean;
  /** For answers and comments: whether the question they belong to was hidden or deleted. */
  questionRemoved?: boolean;
  /** For answers: the author of the question (who alone may accept it). */
  questionAuthorId?: string;
}

export type Subject =
  | { kind: 'site' }
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'organisation-role-request'; organisationId: string; requesterId: string }
  | { kind: 'community'; communityId: string }
  | PostSubject
  | { kind: 'user'; userId: string; siteRole: SiteRole };

export type Action =
  // site
  | 'create-community'
  | 'create-organisation'
  | 'appoint-community-moderator'
  | 'view-job-queues'
  | 'view-site-moderation'
  // organisations and their policies
  | 'request-organisation-role'
  | 'manage-organisation-roles'
  | 'withdraw-organisation-role-request'
  | 'author-policies'
  // communities and posts
  | 'view'
  | 'ask'
  | 'answer'
  | 'comment'
  | 'edit'
  | 'delete'
  | 'vote'
  | 'flag'
  | 'accept'
  | 'unaccept'
  | 'moderate'
  // people
  | 'view-suspension'
  | 'suspend'
  | 'erase'
  | 'edit-profile';

export type Decision = { allowed: true } | { allowed: false; signInRequired: boolean; reason: string };

const allow: Decision = { allowed: true };
const refuse = (reason: string): Decision => ({ allowed: false, signInRequired: false, reason });
const signIn: Decision = { allowed: false, signInRequired: true, reason: 'You need to sign in to do that.' };

const isSiteAdmin = (actor: Actor) => actor.siteRole === SiteRole.ADMIN;
const isSiteStaff = (actor: Actor) => actor.siteRole === SiteRole.ADMIN || actor.siteRole === SiteRole.MODERATOR;

/** Whether the actor moderates the community: appointed there, or site staff. */
export const moderates = (actor: Actor | null, communityId: string): boolean =>
  !!actor && (isSiteStaff(actor) || actor.moderatedCommunityIds.includes(communityId));

/** The role granted at an organisation, if any. */
export const organisationRoleOf = (actor: Actor | null, organisationId: string): OrganisationRole | undefined =>
  actor ? actor.organisationRoles[organisationId] : undefined;

export const isSuspended = (actor: Actor, now: Date = new Date()): boolean => !!actor.suspendedUntil && new Date(actor.suspendedUntil) > now;

/** Writes a suspended member may still make: leaving, reading, erasing themselves. */
const ALLOWED_WHILE_SUSPENDED = new Set<Action>(['erase', 'view-suspension']);

const postNoun = (post: PostSubject) => post.kind;

/**
 * May `actor` (null: nobody signed in) do `action` to `subject`? The reason of a refusal
 * is written for the person refused.
 */
export function can(actor: Actor | null, action: Action, subject: Subject, now: Date = new Date()): Decision {
  // Reading needs no account and survives a suspension; only removed posts are withheld.
  if (action === 'view') return canView(actor, subject);
  if (!actor) return signIn;
  if (isSuspended(actor, now) && !ALLOWED_WHILE_SUSPENDED.has(action)) {
    return refuse(`Your account is suspended until ${new Date(actor.suspendedUntil as string).toUTCString()}: you can read, but not post or change anything.`);
  }

  switch (action) {
    case 'create-community':
      return isSiteStaff(actor) ? allow : refuse('Only site moderators and admins can create communities.');
    case 'create-organisation':
      return isSiteAdmin(actor) ? allow : refuse('Only site admins can create organisations.');
    case 'appoint-community-moderator':
      return isSiteAdmin(actor) ? allow : refuse('Only site admins can appoint community moderators.');
    case 'view-job-queues':
      return isSiteAdmin(actor) ? allow : refuse('Only site admins can see the job queues.');
    case 'view-site-moderation':
      return isSiteStaff(actor) ? allow : refuse('Only site moderators and admins can see the site-wide moderation queue and log.');

    case 'request-organisation-role':
      return allow;
    case 'manage-organisation-roles': {
      if (subject.kind !== 'organisation') return refuse('That is not an organisation.');
      return isSiteAdmin(actor) || organisationRoleOf(actor, subject.organisationId) === OrganisationRole.ORG_ADMIN
        ? allow
        : refuse("Only this organisation's admins can grant, change or revoke its roles.");
    }
    case 'withdraw-organisation-role-request':
      if (subject.kind !== 'organisation-role-request') return refuse('That is not a role request.');
      return subject.requesterId === actor.id ? allow : refuse('Only the person who asked can withdraw a role request.');
    case 'author-policies': {
      if (subject.kind !== 'organisation') return refuse('That is not an organisation.');
      const role = organisationRoleOf(actor, subject.organisationId);
      return isSiteAdmin(actor) || role === OrganisationRole.POLICY_AUTHOR || role === OrganisationRole.ORG_ADMIN
        ? allow
        : refuse("Only this organisation's policy authors can do that. Ask its admins for the policy author role from the organisation's page.");
    }

    case 'ask':
      return subject.kind === 'community' ? allow : refuse('Questions are asked in a community.');
    case 'answer': {
      if (subject.kind !== 'question') return refuse('Answers belong to a question.');
      if (subject.deleted) return refuse('This question was removed.');
      if (subject.hidden) return refuse('This question is hidden while moderators review it: it takes no new answers.');
      if (subject.closed) return refuse('This question is closed: it takes no new answers.');
      if (subject.locked) return refuse('This question is locked: it takes no new answers or comments.');
      return allow;
    }
    case 'comment': {
      if (!isPost(subject)) return refuse('Comments belong to a question or an answer.');
      if (subject.deleted || subject.questionRemoved) return refuse(`This ${subject.deleted ? postNoun(subject) : 'question'} was removed.`);
      if (subject.locked || subject.questionLocked) return refuse('This question is locked: it takes no new answers or comments.');
      if (subject.hidden && !moderates(actor, subject.communityId)) return refuse(`This ${postNoun(subject)} is hidden while moderators review it.`);
      return allow;
    }
    case 'edit': {
      if (!isPost(subject)) return refuse('Only posts can be edited.');
      if (moderates(actor, subject.communityId)) return allow;
      if (subject.authorId !== actor.id) return refuse(`Only the author or a moderator can edit this ${postNoun(subject)}.`);
      if (subject.deleted) return refuse(`This ${postNoun(subject)} was removed.`);
      if (subject.locked || subject.questionLocked) return refuse('This question is locked: only moderators can change it.');
      return allow;
    }
    case 'delete': {
      if (!isPost(subject)) return refuse('Only posts can be deleted.');
      if (moderates(actor, subject.communityId)) return allow;
      return subject.authorId === actor.id ? allow : refuse(`Only the author or a moderator can delete this ${postNoun(subject)}.`);
    }
    case 'vote': {
      if (!isPost(subject)) return refuse('Only questions and answers take votes.');
      if (subject.authorId === actor.id) return refuse(`You cannot vote on your own ${postNoun(subject)}.`);
      if (subject.deleted || subject.questionRemoved) return refuse(`This ${subject.deleted ? postNoun(subject) : 'question'} was removed.`);
      if (subject.hidden) return refuse(`This ${postNoun(subject)} is hidden while moderators review it.`);
      return allow;
    }
    case 'flag': {
      if (!isPost(subject)) return refuse('Only questions, answers and comments can be flagged.');
      if (subject.authorId === actor.id) return refuse(`You cannot flag your own ${postNoun(subject)}; edit or delete it instead.`);
      if (subject.deleted) return refuse(`This ${postNoun(subject)} was already removed.`);
      if (subject.hidden) return refuse(`This ${postNoun(subject)} is already hidden while moderators review it.`);
      return allow;
    }
    case 'accept': {
      if (subject.kind !== 'answer') return refuse('Only answers can be accepted.');
      if (subject.questionAuthorId !== actor.id) return refuse('Only the person who asked the question can accept an answer.');
      if (subject.deleted) return refuse('This answer was removed.');
      if (subject.hidden) return refuse('This answer is hidden while moderators review it.');
      return allow;
    }
    case 'unaccept':
      // Taking an acceptance back needs only to be the asker: the answer may since have been removed.
      if (subject.kind !== 'answer') return refuse('Only answers can be accepted.');
      return subject.questionAuthorId === actor.id ? allow : refuse('Only the person who asked the question can take back an acceptance.');
    case 'moderate': {
      const communityId = subject.kind === 'community' || isPost(subject) ? subject.communityId : undefined;
      if (!communityId) return refuse('Only communities and their posts are moderated.');
      return moderates(actor, communityId) ? allow : refuse("Only this community's moderators can do that.");
    }

    case 'view-suspension': {
      if (subject.kind !== 'user') return refuse('Only people can be suspended.');
      if (subject.userId === actor.id || isSiteStaff(actor) || actor.moderatedCommunityIds.length > 0) return allow;
      return refuse("Only moderators see whether someone else's account is suspended.");
    }
    case 'suspend': {
      if (subject.kind !== 'user') return refuse('Only people can be suspended.');
      if (!isSiteStaff(actor)) return refuse('Only site moderators and admins can suspend members.');
      if (subject.userId === actor.id) return refuse('You cannot suspend yourself.');
      if (subject.siteRole === SiteRole.ADMIN || (subject.siteRole === SiteRole.MODERATOR && !isSiteAdmin(actor))) {
        return refuse('Moderators cannot suspend other staff; ask a site admin.');
      }
      return allow;
    }
    case 'erase': {
      if (subject.kind !== 'user') return refuse('Only accounts can be erased.');
      if (subject.userId === actor.id) return allow;
      return isSiteAdmin(actor) ? allow : refuse("Only the account's owner or a site admin can erase an account.");
    }
    case 'edit-profile': {
      if (subject.kind !== 'user') return refuse('Only profiles can be edited.');
      return subject.userId === actor.id ? allow : refuse('You can only change your own profile.');
    }
  }
}

/** Everyone reads a post unless it was hidden or deleted; then only its author and its moderators do. */
function canView(actor: Actor | null, subject: Subject): Decision {
  if (!isPost(subject) || (!subject.hidden && !subject.deleted)) return allow;
  if (actor && (subject.authorId === actor.id || moderates(actor, subject.communityId))) return allow;
  return refuse(subject.deleted ? `This ${postNoun(subject)} was removed.` : `This ${postNoun(subject)} is hidden while moderators review it.`);
}

function isPost(subject: Subject): subject is PostSubject {
  return subject.kind === 'question' || subject.kind === 'answer' || subject.kind === 'comment';
}
