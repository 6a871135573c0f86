/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation DeleteMyAccount($password: String!, $removePosts: Boolean) {\n    deleteMyAccount(password: $password, removePosts: $removePosts)\n  }\n": typeof types.DeleteMyAccountDocument,
    "\n  query Organisations {\n    organisations {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.OrganisationsDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SetAffiliations($input: [AffiliationInput!]!) {\n    setAffiliations(input: $input) {\n      id\n      affiliations {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": typeof types.SetAffiliationsDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": typeof types.SignOutEverywhereDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query UserProfile($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      createdAt\n      suspendedUntil\n      questionCount\n      answerCount\n      acceptedAnswerCount\n      questions(first: 5) {\n        id\n        title\n        createdAt\n        answerCount\n      }\n      answers(first: 5) {\n        id\n        createdAt\n        isAccepted\n        question {\n          id\n          title\n        }\n      }\n      organisationRoles {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n      affiliations {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": typeof types.UserProfileDocument,
    "\n  query Viewer {\n    me {\n      email\n      role\n      user {\n        id\n        displayName\n        suspendedUntil\n      }\n      moderatedCommunities {\n        id\n        slug\n        title\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation AcceptAnswer($answerId: ID!) {\n    acceptAnswer(answerId: $answerId) {\n      id\n      acceptedAnswer {\n        id\n      }\n      answers {\n        id\n        isAccepted\n      }\n    }\n  }\n": typeof types.AcceptAnswerDocument,
    "\n  fragment AnswerFields on Answer {\n    id\n    body\n    score\n    viewerVote\n    isAccepted\n    createdAt\n    author {\n      id\n      displayName\n    }\n    comments {\n      ...CommentFields\n    }\n    revisions {\n      ...PostRevisionFields\n    }\n    citations {\n      ...CitationFields\n    }\n    moderation {\n      ...PostModerationFields\n    }\n  }\n": typeof types.AnswerFieldsFragmentDoc,
    "\n  mutation AnswerQuestion($input: AnswerQuestionInput!) {\n    answerQuestion(input: $input) {\n      ...AnswerFields\n    }\n  }\n": typeof types.AnswerQuestionDocument,
    "\n  mutation EditAnswer($input: EditAnswerInput!) {\n    editAnswer(input: $input) {\n      id\n      body\n      revisions {\n        ...PostRevisionFields\n      }\n      # An author's edit of a hidden post asks for a review.\n      moderation {\n        ...PostModerationFields\n      }\n    }\n  }\n": typeof types.EditAnswerDocument,
    "\n  mutation UnacceptAnswer($answerId: ID!) {\n    unacceptAnswer(answerId: $answerId) {\n      id\n      acceptedAnswer {\n        id\n      }\n      answers {\n        id\n        isAccepted\n      }\n    }\n  }\n": typeof types.UnacceptAnswerDocument,
    "\n  fragment CitationFields on Citation {\n    id\n    reference\n    status\n    latestReference\n    document {\n      id\n      slug\n      title\n    }\n    version {\n      id\n      version\n    }\n    section {\n      anchor\n      title\n    }\n    latestVersion {\n      id\n      version\n    }\n    changedIn {\n      id\n      version\n    }\n  }\n": typeof types.CitationFieldsFragmentDoc,
    "\n  mutation RefreshCitations($answerId: ID!) {\n    refreshCitations(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n": typeof types.RefreshCitationsDocument,
    "\n  query ResolveCitations($references: [String!]!) {\n    resolveCitations(references: $references) {\n      reference\n      problem\n      citation {\n        ...CitationFields\n      }\n    }\n  }\n": typeof types.ResolveCitationsDocument,
    "\n  mutation UpdateCitationToLatest($answerId: ID!, $reference: String!) {\n    updateCitationToLatest(answerId: $answerId, reference: $reference) {\n      ...AnswerFields\n    }\n  }\n": typeof types.UpdateCitationToLatestDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n": typeof types.AddCommentDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    body\n    createdAt\n    editedAt\n    author {\n      id\n      displayName\n    }\n    moderation {\n      ...PostModerationFields\n    }\n  }\n": typeof types.CommentFieldsFragmentDoc,
    "\n  query CommentHistory($id: ID!) {\n    comment(id: $id) {\n      id\n      revisions {\n        revision\n        body\n        editedAt\n        editedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.CommentHistoryDocument,
    "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      ...CommentFields\n    }\n  }\n": typeof types.EditCommentDocument,
    "\n  query CommunityDetail($slug: String!) {\n    community(slug: $slug) {\n      ...CommunityFields\n      viewerCanModerate\n    }\n  }\n": typeof types.CommunityDetailDocument,
    "\n  fragment CommunityFields on Community {\n    id\n    slug\n    title\n    description\n    memberCount\n    viewerIsMember\n  }\n": typeof types.CommunityFieldsFragmentDoc,
    "\n  query CommunityList {\n    communities {\n      ...CommunityFields\n    }\n  }\n": typeof types.CommunityListDocument,
    "\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      ...CommunityFields\n    }\n  }\n": typeof types.CreateCommunityDocument,
    "\n  mutation JoinCommunity($communityId: ID!) {\n    joinCommunity(communityId: $communityId) {\n      id\n      memberCount\n      viewerIsMember\n    }\n  }\n": typeof types.JoinCommunityDocument,
    "\n  mutation LeaveCommunity($communityId: ID!) {\n    leaveCommunity(communityId: $communityId) {\n      id\n      memberCount\n      viewerIsMember\n    }\n  }\n": typeof types.LeaveCommunityDocument,
    "\n  mutation CloseQuestion($input: CloseQuestionInput!) {\n    closeQuestion(input: $input) {\n      ...QuestionModerationFields\n    }\n  }\n": typeof types.CloseQuestionDocument,
    "\n  mutation DeletePost($input: ModeratePostInput!) {\n    deletePost(input: $input)\n  }\n": typeof types.DeletePostDocument,
    "\n  query DuplicateCandidates($title: String!) {\n    similarQuestions(title: $title, first: 8) {\n      id\n      title\n      answerCount\n      community {\n        id\n        title\n      }\n    }\n  }\n": typeof types.DuplicateCandidatesDocument,
    "\n  query DuplicateTarget($id: ID!) {\n    question(id: $id) {\n      id\n      title\n      community {\n        id\n        title\n      }\n    }\n  }\n": typeof types.DuplicateTargetDocument,
    "\n  mutation FlagPost($input: FlagPostInput!) {\n    flagPost(input: $input)\n  }\n": typeof types.FlagPostDocument,
    "\n  mutation HidePost($input: ModeratePostInput!) {\n    hidePost(input: $input)\n  }\n": typeof types.HidePostDocument,
    "\n  mutation LockQuestion($input: ModeratePostInput!) {\n    lockQuestion(input: $input) {\n      ...QuestionModerationFields\n    }\n  }\n": typeof types.LockQuestionDocument,
    "\n  query ModeratedCommunity($slug: String!) {\n    community(slug: $slug) {\n      id\n      slug\n      title\n      viewerCanModerate\n    }\n  }\n": typeof types.ModeratedCommunityDocument,
    "\n  query ModerationLog($communitySlug: String, $first: Int, $after: String) {\n    moderationLog(communitySlug: $communitySlug, first: $first, after: $after) {\n      nextCursor\n      entries {\n        id\n        action\n        subjectKind\n        subjectId\n        reason\n        createdAt\n        actor {\n          id\n          displayName\n        }\n        question {\n          id\n          title\n        }\n        subjectUser {\n          id\n          displayName\n        }\n        community {\n          id\n          slug\n          title\n        }\n      }\n    }\n  }\n": typeof types.ModerationLogDocument,
    "\n  query ModerationQueue($communitySlug: String) {\n    moderationQueue(communitySlug: $communitySlug) {\n      postId\n      kind\n      excerpt\n      visibility\n      flagWeight\n      reviewRequested\n      question {\n        id\n        title\n      }\n      author {\n        id\n        displayName\n      }\n      community {\n        id\n        slug\n        title\n      }\n      flags {\n        id\n        reason\n        note\n        status\n        createdAt\n        flagger {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.ModerationQueueDocument,
    "\n  fragment PostModerationFields on PostModeration {\n    visibility\n    removalReason\n    viewerHasFlagged\n    viewerCanFlag\n    viewerCanModerate\n    viewerCanDelete\n    viewerCanEdit\n    reviewRequested\n  }\n": typeof types.PostModerationFieldsFragmentDoc,
    "\n  fragment QuestionModerationFields on Question {\n    id\n    closedReason\n    closedNote\n    closedAt\n    isLocked\n    viewerCanAnswer\n    duplicateOf {\n      id\n      title\n    }\n    moderation {\n      ...PostModerationFields\n    }\n  }\n": typeof types.QuestionModerationFieldsFragmentDoc,
    "\n  mutation ReopenQuestion($questionId: ID!) {\n    reopenQuestion(questionId: $questionId) {\n      ...QuestionModerationFields\n    }\n  }\n": typeof types.ReopenQuestionDocument,
    "\n  mutation ResolveFlags($input: ResolveFlagsInput!) {\n    resolveFlags(input: $input)\n  }\n": typeof types.ResolveFlagsDocument,
    "\n  mutation RestorePost($postId: ID!) {\n    restorePost(postId: $postId)\n  }\n": typeof types.RestorePostDocument,
    "\n  mutation UnlockQuestion($questionId: ID!) {\n    unlockQuestion(questionId: $questionId) {\n      ...QuestionModerationFields\n    }\n  }\n": typeof types.UnlockQuestionDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    message\n    url\n    read\n    createdAt\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($unreadOnly: Boolean!, $first: Int!) {\n    me {\n      unreadNotificationCount\n      notifications(unreadOnly: $unreadOnly, first: $first) {\n        ...NotificationFields\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  query UnreadNotificationCount {\n    me {\n      unreadNotificationCount\n    }\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  mutation DecideOrganisationRoleRequest($input: DecideOrganisationRoleRequestInput!) {\n    decideOrganisationRoleRequest(input: $input) {\n      id\n      status\n      decidedAt\n      decisionNote\n    }\n  }\n": typeof types.DecideOrganisationRoleRequestDocument,
    "\n  query MyOrganisationRoles {\n    me {\n      organisationRoles {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n      myRoleRequests {\n        id\n        role\n        status\n        createdAt\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n    organisations {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.MyOrganisationRolesDocument,
    "\n  query OrganisationAdmin($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      pendingRoleRequests {\n        id\n        role\n        note\n        status\n        createdAt\n        user {\n          id\n          displayName\n        }\n      }\n      roleChanges(first: 50) {\n        id\n        fromRole\n        toRole\n        reason\n        createdAt\n        user {\n          id\n          displayName\n        }\n        actor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.OrganisationAdminDocument,
    "\n  query Organisation($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      slug\n      name\n      viewerRole\n      viewerCanManage\n      viewerPendingRequest {\n        id\n        role\n        note\n        status\n        createdAt\n      }\n      members {\n        role\n        grantedAt\n        user {\n          id\n          displayName\n        }\n      }\n    }\n    policyDocuments(organisationSlug: $slug) {\n      id\n      slug\n      title\n      latestVersion {\n        id\n        version\n      }\n    }\n  }\n": typeof types.OrganisationDocument,
    "\n  mutation RequestOrganisationRole($input: RequestOrganisationRoleInput!) {\n    requestOrganisationRole(input: $input)\n  }\n": typeof types.RequestOrganisationRoleDocument,
    "\n  mutation SetOrganisationRole($input: SetOrganisationRoleInput!) {\n    setOrganisationRole(input: $input) {\n      id\n      members {\n        role\n        grantedAt\n        user {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.SetOrganisationRoleDocument,
    "\n  mutation WithdrawOrganisationRoleRequest($requestId: ID!) {\n    withdrawOrganisationRoleRequest(requestId: $requestId)\n  }\n": typeof types.WithdrawOrganisationRoleRequestDocument,
    "\n  mutation AdaptPolicyDocument($input: AdaptPolicyDocumentInput!) {\n    adaptPolicyDocument(input: $input) {\n      id\n      slug\n    }\n  }\n": typeof types.AdaptPolicyDocumentDocument,
    "\n  query AuthoringOrganisations {\n    organisations(viewerCanAuthorPolicies: true) {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.AuthoringOrganisationsDocument,
    "\n  query CitationPickerDocuments {\n    policyDocuments {\n      id\n      slug\n      title\n      organisation {\n        id\n        name\n      }\n      versions {\n        id\n        version\n      }\n      latestVersion {\n        id\n        version\n      }\n    }\n  }\n": typeof types.CitationPickerDocumentsDocument,
    "\n  query CitationPickerSections($slug: String!, $version: String!) {\n    policyVersion(slug: $slug, version: $version) {\n      id\n      version\n      sections {\n        anchor\n        title\n        level\n      }\n    }\n  }\n": typeof types.CitationPickerSectionsDocument,
    "\n  mutation CreatePolicyDocument($input: CreatePolicyDocumentInput!) {\n    createPolicyDocument(input: $input) {\n      id\n      slug\n    }\n  }\n": typeof types.CreatePolicyDocumentDocument,
    "\n  query PolicyDiff($slug: String!, $from: String!, $to: String!) {\n    policyDiff(slug: $slug, from: $from, to: $to) {\n      from {\n        id\n        version\n        publishedOn\n      }\n      to {\n        id\n        version\n        publishedOn\n        summaryOfChanges\n      }\n      sections {\n        anchor\n        title\n        change\n        moved\n        fromTitle\n        fromBody\n        fromParentAnchor\n        toBody\n        toParentAnchor\n      }\n    }\n  }\n": typeof types.PolicyDiffDocument,
    "\n  query PolicyDocument($slug: String!) {\n    policyDocument(slug: $slug) {\n      id\n      slug\n      title\n      canAuthor\n      organisation {\n        id\n        slug\n        name\n      }\n      versions {\n        id\n        version\n        publishedOn\n      }\n      latestVersion {\n        id\n        version\n      }\n      adaptedFrom {\n        id\n        version\n        document {\n          id\n          slug\n          title\n          organisation {\n            id\n            name\n          }\n        }\n      }\n      adaptations {\n        id\n        slug\n        title\n        organisation {\n          id\n          name\n        }\n        adaptedFrom {\n          id\n          version\n        }\n      }\n      citedBy {\n        ...CitationFields\n        question {\n          id\n          title\n        }\n        answer {\n          id\n          author {\n            id\n            displayName\n          }\n          question {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.PolicyDocumentDocument,
    "\n  fragment PolicyDraftFields on PolicyDraft {\n    markdown\n    updatedAt\n    citationsMadeStale {\n      change\n      citation {\n        ...CitationFields\n        question {\n          id\n          title\n        }\n        answer {\n          id\n          question {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.PolicyDraftFieldsFragmentDoc,
    "\n  query PolicyDraft($slug: String!) {\n    policyDocument(slug: $slug) {\n      id\n      slug\n      title\n      canAuthor\n      organisation {\n        id\n        slug\n        name\n      }\n      latestVersion {\n        id\n        version\n        markdown\n        licence\n        contributors {\n          name\n          role\n        }\n      }\n      draft {\n        ...PolicyDraftFields\n      }\n      citedBy {\n        ...CitationFields\n        question {\n          id\n          title\n        }\n        answer {\n          id\n          question {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.PolicyDraftDocument,
    "\n  query PolicyLibrary {\n    policyDocuments {\n      id\n      slug\n      title\n      organisation {\n        id\n        slug\n        name\n      }\n      latestVersion {\n        id\n        version\n        publishedOn\n      }\n      adaptedFrom {\n        id\n        version\n        document {\n          id\n          slug\n          title\n          organisation {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.PolicyLibraryDocument,
    "\n  fragment PolicySectionFields on PolicySection {\n    anchor\n    title\n    body\n    level\n    parentAnchor\n  }\n": typeof types.PolicySectionFieldsFragmentDoc,
    "\n  query PolicyVersionList($slug: String!) {\n    policyDocument(slug: $slug) {\n      id\n      slug\n      title\n      versions {\n        id\n        version\n        publishedOn\n      }\n    }\n  }\n": typeof types.PolicyVersionListDocument,
    "\n  query PolicyVersion($slug: String!, $version: String!) {\n    policyVersion(slug: $slug, version: $version) {\n      id\n      version\n      publishedOn\n      summaryOfChanges\n      licence\n      supersededNotice\n      contributors {\n        name\n        role\n      }\n      supersededBy {\n        id\n        version\n      }\n      latestVersion {\n        id\n        version\n      }\n      sections {\n        ...PolicySectionFields\n      }\n    }\n  }\n": typeof types.PolicyVersionDocument,
    "\n  mutation PublishPolicyVersion($input: PublishPolicyVersionInput!) {\n    publishPolicyVersion(input: $input) {\n      id\n      version\n      document {\n        id\n        slug\n      }\n    }\n  }\n": typeof types.PublishPolicyVersionDocument,
    "\n  mutation SavePolicyDraft($input: SavePolicyDraftInput!) {\n    savePolicyDraft(input: $input) {\n      ...PolicyDraftFields\n    }\n  }\n": typeof types.SavePolicyDraftDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n": typeof types.AskQuestionDocument,
    "\n  mutation EditQuestion($input: EditQuestionInput!) {\n    editQuestion(input: $input) {\n      id\n      title\n      body\n      lastActivityAt\n      tags {\n        id\n        slug\n      }\n      revisions {\n        ...PostRevisionFields\n      }\n      # An author's edit of a hidden post asks for a review.\n      moderation {\n        ...PostModerationFields\n      }\n    }\n  }\n": typeof types.EditQuestionDocument,
    "\n  fragment PostRevisionFields on PostRevision {\n    title\n    body\n    editedAt\n    editedBy {\n      id\n      displayName\n    }\n  }\n": typeof types.PostRevisionFieldsFragmentDoc,
    "\n  query QuestionDetail($id: ID!, $answersOffset: Int = 0) {\n    question(id: $id) {\n      id\n      title\n      body\n      score\n      viewerVote\n      viewCount\n      answerCount\n      createdAt\n      lastActivityAt\n      author {\n        id\n        displayName\n      }\n      community {\n        id\n        slug\n        title\n      }\n      tags {\n        id\n        slug\n      }\n      acceptedAnswer {\n        id\n      }\n      comments {\n        ...CommentFields\n      }\n      revisions {\n        ...PostRevisionFields\n      }\n      citations {\n        ...CitationFields\n      }\n      # One more than a page shows (ANSWERS_PER_PAGE in answer-pages.tsx), to know whether there is a next page.\n      answers(first: 31, offset: $answersOffset) {\n        ...AnswerFields\n      }\n      ...QuestionModerationFields\n    }\n  }\n": typeof types.QuestionDetailDocument,
    "\n  query QuestionList($filter: QuestionFilter, $orderBy: QuestionOrder, $first: Int, $after: String) {\n    questions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...QuestionSummary\n        }\n      }\n    }\n  }\n": typeof types.QuestionListDocument,
    "\n  fragment QuestionSummary on Question {\n    id\n    title\n    score\n    answerCount\n    viewCount\n    createdAt\n    lastActivityAt\n    closedReason\n    acceptedAnswer {\n      id\n    }\n    author {\n      id\n      displayName\n    }\n    community {\n      id\n      slug\n      title\n    }\n    tags {\n      id\n      slug\n    }\n  }\n": typeof types.QuestionSummaryFragmentDoc,
    "\n  query SimilarQuestions($title: String!) {\n    similarQuestions(title: $title, first: 5) {\n      id\n      title\n      answerCount\n      acceptedAnswer {\n        id\n      }\n    }\n  }\n": typeof types.SimilarQuestionsDocument,
    "\n  query TagList($first: Int) {\n    tags(first: $first) {\n      id\n      slug\n      questionCount\n    }\n  }\n": typeof types.TagListDocument,
    "\n  query TagSuggestions($prefix: String!) {\n    tags(prefix: $prefix, first: 8) {\n      id\n      slug\n      questionCount\n    }\n  }\n": typeof types.TagSuggestionsDocument,
    "\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input)\n  }\n": typeof types.VoteDocument,
    "\n  query Search($query: String!, $filter: SearchFilter, $orderBy: SearchOrder, $first: Int, $after: String) {\n    searchResults(query: $query, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      totalCountIsLowerBound\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ... on SearchHit {\n            snippet\n            matchingAnswerCount\n            answer {\n              id\n            }\n            question {\n              id\n              title\n              answerCount\n              score\n              createdAt\n              community {\n                id\n                slug\n                title\n              }\n              tags {\n                id\n                slug\n              }\n            }\n          }\n          ... on PolicySectionHit {\n            snippet\n            isCurrentVersion\n            section {\n              anchor\n              title\n            }\n            version {\n              id\n              version\n              publishedOn\n            }\n            document {\n              id\n              slug\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  fragment FollowFields on Follow {\n    kind\n    targetId\n    label\n  }\n": typeof types.FollowFieldsFragmentDoc,
    "\n  mutation Follow($input: FollowInput!) {\n    follow(input: $input) {\n      ...FollowFields\n    }\n  }\n": typeof types.FollowDocument,
    "\n  query MyFollows {\n    me {\n      follows {\n        ...FollowFields\n      }\n    }\n  }\n": typeof types.MyFollowsDocument,
    "\n  fragment NotificationSettingsFields on NotificationSettings {\n    digestFrequency\n    digestWeekday\n    digestHour\n    timeZone\n    autoWatch\n    emailConfirmedAt\n  }\n": typeof types.NotificationSettingsFieldsFragmentDoc,
    "\n  query NotificationSettings {\n    me {\n      email\n      notificationSettings {\n        ...NotificationSettingsFields\n      }\n      follows {\n        ...FollowFields\n      }\n    }\n  }\n": typeof types.NotificationSettingsDocument,
    "\n  mutation SendEmailConfirmation {\n    sendEmailConfirmation\n  }\n": typeof types.SendEmailConfirmationDocument,
    "\n  mutation SendMyDigestNow {\n    sendMyDigestNow\n  }\n": typeof types.SendMyDigestNowDocument,
    "\n  mutation Unfollow($input: FollowInput!) {\n    unfollow(input: $input)\n  }\n": typeof types.UnfollowDocument,
    "\n  mutation UpdateNotificationSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      ...NotificationSettingsFields\n    }\n  }\n": typeof types.UpdateNotificationSettingsDocument,
};
const documents: Documents = {
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation DeleteMyAccount($password: String!, $removePosts: Boolean) {\n    deleteMyAccount(password: $password, removePosts: $removePosts)\n  }\n": types.DeleteMyAccountDocument,
    "\n  query Organisations {\n    organisations {\n      id\n      slug\n      name\n    }\n  }\n": types.OrganisationsDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SetAffiliations($input: [AffiliationInput!]!) {\n    setAffiliations(input: $input) {\n      id\n      affiliations {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": types.SetAffiliationsDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": types.SignOutEverywhereDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  query UserProfile($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      createdAt\n      suspendedUntil\n      questionCount\n      answerCount\n      acceptedAnswerCount\n      questions(first: 5) {\n        id\n        title\n        createdAt\n        answerCount\n      }\n      answers(first: 5) {\n        id\n        createdAt\n        isAccepted\n        question {\n          id\n          title\n        }\n      }\n      organisationRoles {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n      affiliations {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": types.UserProfileDocument,
    "\n  query Viewer {\n    me {\n      email\n      role\n      user {\n        id\n        displayName\n        suspendedUntil\n      }\n      moderatedCommunities {\n        id\n        slug\n        title\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation AcceptAnswer($answerId: ID!) {\n    acceptAnswer(answerId: $answerId) {\n      id\n      acceptedAnswer {\n        id\n      }\n      answers {\n        id\n        isAccepted\n      }\n    }\n  }\n": types.AcceptAnswerDocument,
    "\n  fragment AnswerFields on Answer {\n    id\n    body\n    score\n    viewerVote\n    isAccepted\n    createdAt\n    author {\n      id\n      displayName\n    }\n    comments {\n      ...CommentFields\n    }\n    revisions {\n      ...PostRevisionFields\n    }\n    citations {\n      ...CitationFields\n    }\n    moderation {\n      ...PostModerationFields\n    }\n  }\n": types.AnswerFieldsFragmentDoc,
    "\n  mutation AnswerQuestion($input: AnswerQuestionInput!) {\n    answerQuestion(input: $input) {\n      ...AnswerFields\n    }\n  }\n": types.AnswerQuestionDocument,
    "\n  mutation EditAnswer($input: EditAnswerInput!) {\n    editAnswer(input: $input) {\n      id\n      body\n      revisions {\n        ...PostRevisionFields\n      }\n      # An author's edit of a hidden post asks for a review.\n      moderation {\n        ...PostModerationFields\n      }\n    }\n  }\n": types.EditAnswerDocument,
    "\n  mutation UnacceptAnswer($answerId: ID!) {\n    unacceptAnswer(answerId: $answerId) {\n      id\n      acceptedAnswer {\n        id\n      }\n      answers {\n        id\n        isAccepted\n      }\n    }\n  }\n": types.UnacceptAnswerDocument,
    "\n  fragment CitationFields on Citation {\n    id\n    reference\n    status\n    latestReference\n    document {\n      id\n      slug\n      title\n    }\n    version {\n      id\n      version\n    }\n    section {\n      anchor\n      title\n    }\n    latestVersion {\n      id\n      version\n    }\n    changedIn {\n      id\n      version\n    }\n  }\n": types.CitationFieldsFragmentDoc,
    "\n  mutation RefreshCitations($answerId: ID!) {\n    refreshCitations(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n": types.RefreshCitationsDocument,
    "\n  query ResolveCitations($references: [String!]!) {\n    resolveCitations(references: $references) {\n      reference\n      problem\n      citation {\n        ...CitationFields\n      }\n    }\n  }\n": types.ResolveCitationsDocument,
    "\n  mutation UpdateCitationToLatest($answerId: ID!, $reference: String!) {\n    updateCitationToLatest(answerId: $answerId, reference: $reference) {\n      ...AnswerFields\n    }\n  }\n": types.UpdateCitationToLatestDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n": types.AddCommentDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    body\n    createdAt\n    editedAt\n    author {\n      id\n      displayName\n    }\n    moderation {\n      ...PostModerationFields\n    }\n  }\n": types.CommentFieldsFragmentDoc,
    "\n  query CommentHistory($id: ID!) {\n    comment(id: $id) {\n      id\n      revisions {\n        revision\n        body\n        editedAt\n        editedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.CommentHistoryDocument,
    "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      ...CommentFields\n    }\n  }\n": types.EditCommentDocument,
    "\n  query CommunityDetail($slug: String!) {\n    community(slug: $slug) {\n      ...CommunityFields\n      viewerCanModerate\n    }\n  }\n": types.CommunityDetailDocument,
    "\n  fragment CommunityFields on Community {\n    id\n    slug\n    title\n    description\n    memberCount\n    viewerIsMember\n  }\n": types.CommunityFieldsFragmentDoc,
    "\n  query CommunityList {\n    communities {\n      ...CommunityFields\n    }\n  }\n": types.CommunityListDocument,
    "\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      ...CommunityFields\n    }\n  }\n": types.CreateCommunityDocument,
    "\n  mutation JoinCommunity($communityId: ID!) {\n    joinCommunity(communityId: $communityId) {\n      id\n      memberCount\n      viewerIsMember\n    }\n  }\n": types.JoinCommunityDocument,
    "\n  mutation LeaveCommunity($communityId: ID!) {\n    leaveCommunity(communityId: $communityId) {\n      id\n      memberCount\n      viewerIsMember\n    }\n  }\n": types.LeaveCommunityDocument,
    "\n  mutation CloseQuestion($input: CloseQuestionInput!) {\n    closeQuestion(input: $input) {\n      ...QuestionModerationFields\n    }\n  }\n": types.CloseQuestionDocument,
    "\n  mutation DeletePost($input: ModeratePostInput!) {\n    deletePost(input: $input)\n  }\n": types.DeletePostDocument,
    "\n  query DuplicateCandidates($title: String!) {\n    similarQuestions(title: $title, first: 8) {\n      id\n      title\n      answerCount\n      community {\n        id\n        title\n      }\n    }\n  }\n": types.DuplicateCandidatesDocument,
    "\n  query DuplicateTarget($id: ID!) {\n    question(id: $id) {\n      id\n      title\n      community {\n        id\n        title\n      }\n    }\n  }\n": types.DuplicateTargetDocument,
    "\n  mutation FlagPost($input: FlagPostInput!) {\n    flagPost(input: $input)\n  }\n": types.FlagPostDocument,
    "\n  mutation HidePost($input: ModeratePostInput!) {\n    hidePost(input: $input)\n  }\n": types.HidePostDocument,
    "\n  mutation LockQuestion($input: ModeratePostInput!) {\n    lockQuestion(input: $input) {\n      ...QuestionModerationFields\n    }\n  }\n": types.LockQuestionDocument,
    "\n  query ModeratedCommunity($slug: String!) {\n    community(slug: $slug) {\n      id\n      slug\n      title\n      viewerCanModerate\n    }\n  }\n": types.ModeratedCommunityDocument,
    "\n  query ModerationLog($communitySlug: String, $first: Int, $after: String) {\n    moderationLog(communitySlug: $communitySlug, first: $first, after: $after) {\n      nextCursor\n      entries {\n        id\n        action\n        subjectKind\n        subjectId\n        reason\n        createdAt\n        actor {\n          id\n          displayName\n        }\n        question {\n          id\n          title\n        }\n        subjectUser {\n          id\n          displayName\n        }\n        community {\n          id\n          slug\n          title\n        }\n      }\n    }\n  }\n": types.ModerationLogDocument,
    "\n  query ModerationQueue($communitySlug: String) {\n    moderationQueue(communitySlug: $communitySlug) {\n      postId\n      kind\n      excerpt\n      visibility\n      flagWeight\n      reviewRequested\n      question {\n        id\n        title\n      }\n      author {\n        id\n        displayName\n      }\n      community {\n        id\n        slug\n        title\n      }\n      flags {\n        id\n        reason\n        note\n        status\n        createdAt\n        flagger {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.ModerationQueueDocument,
    "\n  fragment PostModerationFields on PostModeration {\n    visibility\n    removalReason\n    viewerHasFlagged\n    viewerCanFlag\n    viewerCanModerate\n    viewerCanDelete\n    viewerCanEdit\n    reviewRequested\n  }\n": types.PostModerationFieldsFragmentDoc,
    "\n  fragment QuestionModerationFields on Question {\n    id\n    closedReason\n    closedNote\n    closedAt\n    isLocked\n    viewerCanAnswer\n    duplicateOf {\n      id\n      title\n    }\n    moderation {\n      ...PostModerationFields\n    }\n  }\n": types.QuestionModerationFieldsFragmentDoc,
    "\n  mutation ReopenQuestion($questionId: ID!) {\n    reopenQuestion(questionId: $questionId) {\n      ...QuestionModerationFields\n    }\n  }\n": types.ReopenQuestionDocument,
    "\n  mutation ResolveFlags($input: ResolveFlagsInput!) {\n    resolveFlags(input: $input)\n  }\n": types.ResolveFlagsDocument,
    "\n  mutation RestorePost($postId: ID!) {\n    restorePost(postId: $postId)\n  }\n": types.RestorePostDocument,
    "\n  mutation UnlockQuestion($questionId: ID!) {\n    unlockQuestion(questionId: $questionId) {\n      ...QuestionModerationFields\n    }\n  }\n": types.UnlockQuestionDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    message\n    url\n    read\n    createdAt\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($unreadOnly: Boolean!, $first: Int!) {\n    me {\n      unreadNotificationCount\n      notifications(unreadOnly: $unreadOnly, first: $first) {\n        ...NotificationFields\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  query UnreadNotificationCount {\n    me {\n      unreadNotificationCount\n    }\n  }\n": types.UnreadNotificationCountDocument,
    "\n  mutation DecideOrganisationRoleRequest($input: DecideOrganisationRoleRequestInput!) {\n    decideOrganisationRoleRequest(input: $input) {\n      id\n      status\n      decidedAt\n      decisionNote\n    }\n  }\n": types.DecideOrganisationRoleRequestDocument,
    "\n  query MyOrganisationRoles {\n    me {\n      organisationRoles {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n      myRoleRequests {\n        id\n        role\n        status\n        createdAt\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n    organisations {\n      id\n      slug\n      name\n    }\n  }\n": types.MyOrganisationRolesDocument,
    "\n  query OrganisationAdmin($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      pendingRoleRequests {\n        id\n        role\n        note\n        status\n        createdAt\n        user {\n          id\n          displayName\n        }\n      }\n      roleChanges(first: 50) {\n        id\n        fromRole\n        toRole\n        reason\n        createdAt\n        user {\n          id\n          displayName\n        }\n        actor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.OrganisationAdminDocument,
    "\n  query Organisation($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      slug\n      name\n      viewerRole\n      viewerCanManage\n      viewerPendingRequest {\n        id\n        role\n        note\n        status\n        createdAt\n      }\n      members {\n        role\n        grantedAt\n        user {\n          id\n          displayName\n        }\n      }\n    }\n    policyDocuments(organisationSlug: $slug) {\n      id\n      slug\n      title\n      latestVersion {\n        id\n        version\n      }\n    }\n  }\n": types.OrganisationDocument,
    "\n  mutation RequestOrganisationRole($input: RequestOrganisationRoleInput!) {\n    requestOrganisationRole(input: $input)\n  }\n": types.RequestOrganisationRoleDocument,
    "\n  mutation SetOrganisationRole($input: SetOrganisationRoleInput!) {\n    setOrganisationRole(input: $input) {\n      id\n      members {\n        role\n        grantedAt\n        user {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.SetOrganisationRoleDocument,
    "\n  mutation WithdrawOrganisationRoleRequest($requestId: ID!) {\n    withdrawOrganisationRoleRequest(requestId: $requestId)\n  }\n": types.WithdrawOrganisationRoleRequestDocument,
    "\n  mutation AdaptPolicyDocument($input: AdaptPolicyDocumentInput!) {\n    adaptPolicyDocument(input: $input) {\n      id\n      slug\n    }\n  }\n": types.AdaptPolicyDocumentDocument,
    "\n  query AuthoringOrganisations {\n    organisations(viewerCanAuthorPolicies: true) {\n      id\n      slug\n      name\n    }\n  }\n": types.AuthoringOrganisationsDocument,
    "\n  query CitationPickerDocuments {\n    policyDocuments {\n      id\n      slug\n      title\n      organisation {\n        id\n        name\n      }\n      versions {\n        id\n        version\n      }\n      latestVersion {\n        id\n        version\n      }\n    }\n  }\n": types.CitationPickerDocumentsDocument,
    "\n  query CitationPickerSections($slug: String!, $version: String!) {\n    policyVersion(slug: $slug, version: $version) {\n      id\n      version\n      sections {\n        anchor\n        title\n        level\n      }\n    }\n  }\n": types.CitationPickerSectionsDocument,
    "\n  mutation CreatePolicyDocument($input: CreatePolicyDocumentInput!) {\n    createPolicyDocument(input: $input) {\n      id\n      slug\n    }\n  }\n": types.CreatePolicyDocumentDocument,
    "\n  query PolicyDiff($slug: String!, $from: String!, $to: String!) {\n    policyDiff(slug: $slug, from: $from, to: $to) {\n      from {\n        id\n        version\n        publishedOn\n      }\n      to {\n        id\n        version\n        publishedOn\n        summaryOfChanges\n      }\n      sections {\n        anchor\n        title\n        change\n        moved\n        fromTitle\n        fromBody\n        fromParentAnchor\n        toBody\n        toParentAnchor\n      }\n    }\n  }\n": types.PolicyDiffDocument,
    "\n  query PolicyDocument($slug: String!) {\n    policyDocument(slug: $slug) {\n      id\n      slug\n      title\n      canAuthor\n      organisation {\n        id\n        slug\n        name\n      }\n      versions {\n        id\n        version\n        publishedOn\n      }\n      latestVersion {\n        id\n        version\n      }\n      adaptedFrom {\n        id\n        version\n        document {\n          id\n          slug\n          title\n          organisation {\n            id\n            name\n          }\n        }\n      }\n      adaptations {\n        id\n        slug\n        title\n        organisation {\n          id\n          name\n        }\n        adaptedFrom {\n          id\n          version\n        }\n      }\n      citedBy {\n        ...CitationFields\n        question {\n          id\n          title\n        }\n        answer {\n          id\n          author {\n            id\n            displayName\n          }\n          question {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": types.PolicyDocumentDocument,
    "\n  fragment PolicyDraftFields on PolicyDraft {\n    markdown\n    updatedAt\n    citationsMadeStale {\n      change\n      citation {\n        ...CitationFields\n        question {\n          id\n          title\n        }\n        answer {\n          id\n          question {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": types.PolicyDraftFieldsFragmentDoc,
    "\n  query PolicyDraft($slug: String!) {\n    policyDocument(slug: $slug) {\n      id\n      slug\n      title\n      canAuthor\n      organisation {\n        id\n        slug\n        name\n      }\n      latestVersion {\n        id\n        version\n        markdown\n        licence\n        contributors {\n          name\n          role\n        }\n      }\n      draft {\n        ...PolicyDraftFields\n      }\n      citedBy {\n        ...CitationFields\n        question {\n          id\n          title\n        }\n        answer {\n          id\n          question {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": types.PolicyDraftDocument,
    "\n  query PolicyLibrary {\n    policyDocuments {\n      id\n      slug\n      title\n      organisation {\n        id\n        slug\n        name\n      }\n      latestVersion {\n        id\n        version\n        publishedOn\n      }\n      adaptedFrom {\n        id\n        version\n        document {\n          id\n          slug\n          title\n          organisation {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.PolicyLibraryDocument,
    "\n  fragment PolicySectionFields on PolicySection {\n    anchor\n    title\n    body\n    level\n    parentAnchor\n  }\n": types.PolicySectionFieldsFragmentDoc,
    "\n  query PolicyVersionList($slug: String!) {\n    policyDocument(slug: $slug) {\n      id\n      slug\n      title\n      versions {\n        id\n        version\n        publishedOn\n      }\n    }\n  }\n": types.PolicyVersionListDocument,
    "\n  query PolicyVersion($slug: String!, $version: String!) {\n    policyVersion(slug: $slug, version: $version) {\n      id\n      version\n      publishedOn\n      summaryOfChanges\n      licence\n      supersededNotice\n      contributors {\n        name\n        role\n      }\n      supersededBy {\n        id\n        version\n      }\n      latestVersion {\n        id\n        version\n      }\n      sections {\n        ...PolicySectionFields\n      }\n    }\n  }\n": types.PolicyVersionDocument,
    "\n  mutation PublishPolicyVersion($input: PublishPolicyVersionInput!) {\n    publishPolicyVersion(input: $input) {\n      id\n      version\n      document {\n        id\n        slug\n      }\n    }\n  }\n": types.PublishPolicyVersionDocument,
    "\n  mutation SavePolicyDraft($input: SavePolicyDraftInput!) {\n    savePolicyDraft(input: $input) {\n      ...PolicyDraftFields\n    }\n  }\n": types.SavePolicyDraftDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n": types.AskQuestionDocument,
    "\n  mutation EditQuestion($input: EditQuestionInput!) {\n    editQuestion(input: $input) {\n      id\n      title\n      body\n      lastActivityAt\n      tags {\n        id\n        slug\n      }\n      revisions {\n        ...PostRevisionFields\n      }\n      # An author's edit of a hidden post asks for a review.\n      moderation {\n        ...PostModerationFields\n      }\n    }\n  }\n": types.EditQuestionDocument,
    "\n  fragment PostRevisionFields on PostRevision {\n    title\n    body\n    editedAt\n    editedBy {\n      id\n      displayName\n    }\n  }\n": types.PostRevisionFieldsFragmentDoc,
    "\n  query QuestionDetail($id: ID!, $answersOffset: Int = 0) {\n    question(id: $id) {\n      id\n      title\n      body\n      score\n      viewerVote\n      viewCount\n      answerCount\n      createdAt\n      lastActivityAt\n      author {\n        id\n        displayName\n      }\n      community {\n        id\n        slug\n        title\n      }\n      tags {\n        id\n        slug\n      }\n      acceptedAnswer {\n        id\n      }\n      comments {\n        ...CommentFields\n      }\n      revisions {\n        ...PostRevisionFields\n      }\n      citations {\n        ...CitationFields\n      }\n      # One more than a page shows (ANSWERS_PER_PAGE in answer-pages.tsx), to know whether there is a next page.\n      answers(first: 31, offset: $answersOffset) {\n        ...AnswerFields\n      }\n      ...QuestionModerationFields\n    }\n  }\n": types.QuestionDetailDocument,
    "\n  query QuestionList($filter: QuestionFilter, $orderBy: QuestionOrder, $first: Int, $after: String) {\n    questions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...QuestionSummary\n        }\n      }\n    }\n  }\n": types.QuestionListDocument,
    "\n  fragment QuestionSummary on Question {\n    id\n    title\n    score\n    answerCount\n    viewCount\n    createdAt\n    lastActivityAt\n    closedReason\n    acceptedAnswer {\n      id\n    }\n    author {\n      id\n      displayName\n    }\n    community {\n      id\n      slug\n      title\n    }\n    tags {\n      id\n      slug\n    }\n  }\n": types.QuestionSummaryFragmentDoc,
    "\n  query SimilarQuestions($title: String!) {\n    similarQuestions(title: $title, first: 5) {\n      id\n      title\n      answerCount\n      acceptedAnswer {\n        id\n      }\n    }\n  }\n": types.SimilarQuestionsDocument,
    "\n  query TagList($first: Int) {\n    tags(first: $first) {\n      id\n      slug\n      questionCount\n    }\n  }\n": types.TagListDocument,
    "\n  query TagSuggestions($prefix: String!) {\n    tags(prefix: $prefix, first: 8) {\n      id\n      slug\n      questionCount\n    }\n  }\n": types.TagSuggestionsDocument,
    "\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input)\n  }\n": types.VoteDocument,
    "\n  query Search($query: String!, $filter: SearchFilter, $orderBy: SearchOrder, $first: Int, $after: String) {\n    searchResults(query: $query, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      totalCountIsLowerBound\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ... on SearchHit {\n            snippet\n            matchingAnswerCount\n            answer {\n              id\n            }\n            question {\n              id\n              title\n              answerCount\n              score\n              createdAt\n              community {\n                id\n                slug\n                title\n              }\n              tags {\n                id\n                slug\n              }\n            }\n          }\n          ... on PolicySectionHit {\n            snippet\n            isCurrentVersion\n            section {\n              anchor\n              title\n            }\n            version {\n              id\n              version\n              publishedOn\n            }\n            document {\n              id\n              slug\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  fragment FollowFields on Follow {\n    kind\n    targetId\n    label\n  }\n": types.FollowFieldsFragmentDoc,
    "\n  mutation Follow($input: FollowInput!) {\n    follow(input: $input) {\n      ...FollowFields\n    }\n  }\n": types.FollowDocument,
    "\n  query MyFollows {\n    me {\n      follows {\n        ...FollowFields\n      }\n    }\n  }\n": types.MyFollowsDocument,
    "\n  fragment NotificationSettingsFields on NotificationSettings {\n    digestFrequency\n    digestWeekday\n    digestHour\n    timeZone\n    autoWatch\n    emailConfirmedAt\n  }\n": types.NotificationSettingsFieldsFragmentDoc,
    "\n  query NotificationSettings {\n    me {\n      email\n      notificationSettings {\n        ...NotificationSettingsFields\n      }\n      follows {\n        ...FollowFields\n      }\n    }\n  }\n": types.NotificationSettingsDocument,
    "\n  mutation SendEmailConfirmation {\n    sendEmailConfirmation\n  }\n": types.SendEmailConfirmationDocument,
    "\n  mutation SendMyDigestNow {\n    sendMyDigestNow\n  }\n": types.SendMyDigestNowDocument,
    "\n  mutation Unfollow($input: FollowInput!) {\n    unfollow(input: $input)\n  }\n": types.UnfollowDocument,
    "\n  mutation UpdateNotificationSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      ...NotificationSettingsFields\n    }\n  }\n": types.UpdateNotificationSettingsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMyAccount($password: String!, $removePosts: Boolean) {\n    deleteMyAccount(password: $password, removePosts: $removePosts)\n  }\n"): (typeof documents)["\n  mutation DeleteMyAccount($password: String!, $removePosts: Boolean) {\n    deleteMyAccount(password: $password, removePosts: $removePosts)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisations {\n    organisations {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  query Organisations {\n    organisations {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAffiliations($input: [AffiliationInput!]!) {\n    setAffiliations(input: $input) {\n      id\n      affiliations {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetAffiliations($input: [AffiliationInput!]!) {\n    setAffiliations(input: $input) {\n      id\n      affiliations {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"): (typeof documents)["\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserProfile($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      createdAt\n      suspendedUntil\n      questionCount\n      answerCount\n      acceptedAnswerCount\n      questions(first: 5) {\n        id\n        title\n        createdAt\n        answerCount\n      }\n      answers(first: 5) {\n        id\n        createdAt\n        isAccepted\n        question {\n          id\n          title\n        }\n      }\n      organisationRoles {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n      affiliations {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserProfile($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      createdAt\n      suspendedUntil\n      questionCount\n      answerCount\n      acceptedAnswerCount\n      questions(first: 5) {\n        id\n        title\n        createdAt\n        answerCount\n      }\n      answers(first: 5) {\n        id\n        createdAt\n        isAccepted\n        question {\n          id\n          title\n        }\n      }\n      organisationRoles {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n      affiliations {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      email\n      role\n      user {\n        id\n        displayName\n        suspendedUntil\n      }\n      moderatedCommunities {\n        id\n        slug\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      email\n      role\n      user {\n        id\n        displayName\n        suspendedUntil\n      }\n      moderatedCommunities {\n        id\n        slug\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptAnswer($answerId: ID!) {\n    acceptAnswer(answerId: $answerId) {\n      id\n      acceptedAnswer {\n        id\n      }\n      answers {\n        id\n        isAccepted\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptAnswer($answerId: ID!) {\n    acceptAnswer(answerId: $answerId) {\n      id\n      acceptedAnswer {\n        id\n      }\n      answers {\n        id\n        isAccepted\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnswerFields on Answer {\n    id\n    body\n    score\n    viewerVote\n    isAccepted\n    createdAt\n    author {\n      id\n      displayName\n    }\n    comments {\n      ...CommentFields\n    }\n    revisions {\n      ...PostRevisionFields\n    }\n    citations {\n      ...CitationFields\n    }\n    moderation {\n      ...PostModerationFields\n    }\n  }\n"): (typeof documents)["\n  fragment AnswerFields on Answer {\n    id\n    body\n    score\n    viewerVote\n    isAccepted\n    createdAt\n    author {\n      id\n      displayName\n    }\n    comments {\n      ...CommentFields\n    }\n    revisions {\n      ...PostRevisionFields\n    }\n    citations {\n      ...CitationFields\n    }\n    moderation {\n      ...PostModerationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerQuestion($input: AnswerQuestionInput!) {\n    answerQuestion(input: $input) {\n      ...AnswerFields\n    }\n  }\n"): (typeof documents)["\n  mutation AnswerQuestion($input: AnswerQuestionInput!) {\n    answerQuestion(input: $input) {\n      ...AnswerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditAnswer($input: EditAnswerInput!) {\n    editAnswer(input: $input) {\n      id\n      body\n      revisions {\n        ...PostRevisionFields\n      }\n      # An author's edit of a hidden post asks for a review.\n      moderation {\n        ...PostModerationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EditAnswer($input: EditAnswerInput!) {\n    editAnswer(input: $input) {\n      id\n      body\n      revisions {\n        ...PostRevisionFields\n      }\n      # An author's edit of a hidden post asks for a review.\n      moderation {\n        ...PostModerationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnacceptAnswer($answerId: ID!) {\n    unacceptAnswer(answerId: $answerId) {\n      id\n      acceptedAnswer {\n        id\n      }\n      answers {\n        id\n        isAccepted\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnacceptAnswer($answerId: ID!) {\n    unacceptAnswer(answerId: $answerId) {\n      id\n      acceptedAnswer {\n        id\n      }\n      answers {\n        id\n        isAccepted\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CitationFields on Citation {\n    id\n    reference\n    status\n    latestReference\n    document {\n      id\n      slug\n      title\n    }\n    version {\n      id\n      version\n    }\n    section {\n      anchor\n      title\n    }\n    latestVersion {\n      id\n      version\n    }\n    changedIn {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  fragment CitationFields on Citation {\n    id\n    reference\n    status\n    latestReference\n    document {\n      id\n      slug\n      title\n    }\n    version {\n      id\n      version\n    }\n    section {\n      anchor\n      title\n    }\n    latestVersion {\n      id\n      version\n    }\n    changedIn {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshCitations($answerId: ID!) {\n    refreshCitations(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshCitations($answerId: ID!) {\n    refreshCitations(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResolveCitations($references: [String!]!) {\n    resolveCitations(references: $references) {\n      reference\n      problem\n      citation {\n        ...CitationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResolveCitations($references: [String!]!) {\n    resolveCitations(references: $references) {\n      reference\n      problem\n      citation {\n        ...CitationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCitationToLatest($answerId: ID!, $reference: String!) {\n    updateCitationToLatest(answerId: $answerId, reference: $reference) {\n      ...AnswerFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCitationToLatest($answerId: ID!, $reference: String!) {\n    updateCitationToLatest(answerId: $answerId, reference: $reference) {\n      ...AnswerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentFields on Comment {\n    id\n    body\n    createdAt\n    editedAt\n    author {\n      id\n      displayName\n    }\n    moderation {\n      ...PostModerationFields\n    }\n  }\n"): (typeof documents)["\n  fragment CommentFields on Comment {\n    id\n    body\n    createdAt\n    editedAt\n    author {\n      id\n      displayName\n    }\n    moderation {\n      ...PostModerationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommentHistory($id: ID!) {\n    comment(id: $id) {\n      id\n      revisions {\n        revision\n        body\n        editedAt\n        editedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommentHistory($id: ID!) {\n    comment(id: $id) {\n      id\n      revisions {\n        revision\n        body\n        editedAt\n        editedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      ...CommentFields\n    }\n  }\n"): (typeof documents)["\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      ...CommentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityDetail($slug: String!) {\n    community(slug: $slug) {\n      ...CommunityFields\n      viewerCanModerate\n    }\n  }\n"): (typeof documents)["\n  query CommunityDetail($slug: String!) {\n    community(slug: $slug) {\n      ...CommunityFields\n      viewerCanModerate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommunityFields on Community {\n    id\n    slug\n    title\n    description\n    memberCount\n    viewerIsMember\n  }\n"): (typeof documents)["\n  fragment CommunityFields on Community {\n    id\n    slug\n    title\n    description\n    memberCount\n    viewerIsMember\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityList {\n    communities {\n      ...CommunityFields\n    }\n  }\n"): (typeof documents)["\n  query CommunityList {\n    communities {\n      ...CommunityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      ...CommunityFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      ...CommunityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinCommunity($communityId: ID!) {\n    joinCommunity(communityId: $communityId) {\n      id\n      memberCount\n      viewerIsMember\n    }\n  }\n"): (typeof documents)["\n  mutation JoinCommunity($communityId: ID!) {\n    joinCommunity(communityId: $communityId) {\n      id\n      memberCount\n      viewerIsMember\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveCommunity($communityId: ID!) {\n    leaveCommunity(communityId: $communityId) {\n      id\n      memberCount\n      viewerIsMember\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveCommunity($communityId: ID!) {\n    leaveCommunity(communityId: $communityId) {\n      id\n      memberCount\n      viewerIsMember\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseQuestion($input: CloseQuestionInput!) {\n    closeQuestion(input: $input) {\n      ...QuestionModerationFields\n    }\n  }\n"): (typeof documents)["\n  mutation CloseQuestion($input: CloseQuestionInput!) {\n    closeQuestion(input: $input) {\n      ...QuestionModerationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePost($input: ModeratePostInput!) {\n    deletePost(input: $input)\n  }\n"): (typeof documents)["\n  mutation DeletePost($input: ModeratePostInput!) {\n    deletePost(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuplicateCandidates($title: String!) {\n    similarQuestions(title: $title, first: 8) {\n      id\n      title\n      answerCount\n      community {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query DuplicateCandidates($title: String!) {\n    similarQuestions(title: $title, first: 8) {\n      id\n      title\n      answerCount\n      community {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuplicateTarget($id: ID!) {\n    question(id: $id) {\n      id\n      title\n      community {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query DuplicateTarget($id: ID!) {\n    question(id: $id) {\n      id\n      title\n      community {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlagPost($input: FlagPostInput!) {\n    flagPost(input: $input)\n  }\n"): (typeof documents)["\n  mutation FlagPost($input: FlagPostInput!) {\n    flagPost(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HidePost($input: ModeratePostInput!) {\n    hidePost(input: $input)\n  }\n"): (typeof documents)["\n  mutation HidePost($input: ModeratePostInput!) {\n    hidePost(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LockQuestion($input: ModeratePostInput!) {\n    lockQuestion(input: $input) {\n      ...QuestionModerationFields\n    }\n  }\n"): (typeof documents)["\n  mutation LockQuestion($input: ModeratePostInput!) {\n    lockQuestion(input: $input) {\n      ...QuestionModerationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModeratedCommunity($slug: String!) {\n    community(slug: $slug) {\n      id\n      slug\n      title\n      viewerCanModerate\n    }\n  }\n"): (typeof documents)["\n  query ModeratedCommunity($slug: String!) {\n    community(slug: $slug) {\n      id\n      slug\n      title\n      viewerCanModerate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModerationLog($communitySlug: String, $first: Int, $after: String) {\n    moderationLog(communitySlug: $communitySlug, first: $first, after: $after) {\n      nextCursor\n      entries {\n        id\n        action\n        subjectKind\n        subjectId\n        reason\n        createdAt\n        actor {\n          id\n          displayName\n        }\n        question {\n          id\n          title\n        }\n        subjectUser {\n          id\n          displayName\n        }\n        community {\n          id\n          slug\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ModerationLog($communitySlug: String, $first: Int, $after: String) {\n    moderationLog(communitySlug: $communitySlug, first: $first, after: $after) {\n      nextCursor\n      entries {\n        id\n        action\n        subjectKind\n        subjectId\n        reason\n        createdAt\n        actor {\n          id\n          displayName\n        }\n        question {\n          id\n          title\n        }\n        subjectUser {\n          id\n          displayName\n        }\n        community {\n          id\n          slug\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModerationQueue($communitySlug: String) {\n    moderationQueue(communitySlug: $communitySlug) {\n      postId\n      kind\n      excerpt\n      visibility\n      flagWeight\n      reviewRequested\n      question {\n        id\n        title\n      }\n      author {\n        id\n        displayName\n      }\n      community {\n        id\n        slug\n        title\n      }\n      flags {\n        id\n        reason\n        note\n        status\n        createdAt\n        flagger {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ModerationQueue($communitySlug: String) {\n    moderationQueue(communitySlug: $communitySlug) {\n      postId\n      kind\n      excerpt\n      visibility\n      flagWeight\n      reviewRequested\n      question {\n        id\n        title\n      }\n      author {\n        id\n        displayName\n      }\n      community {\n        id\n        slug\n        title\n      }\n      flags {\n        id\n        reason\n        note\n        status\n        createdAt\n        flagger {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostModerationFields on PostModeration {\n    visibility\n    removalReason\n    viewerHasFlagged\n    viewerCanFlag\n    viewerCanModerate\n    viewerCanDelete\n    viewerCanEdit\n    reviewRequested\n  }\n"): (typeof documents)["\n  fragment PostModerationFields on PostModeration {\n    visibility\n    removalReason\n    viewerHasFlagged\n    viewerCanFlag\n    viewerCanModerate\n    viewerCanDelete\n    viewerCanEdit\n    reviewRequested\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuestionModerationFields on Question {\n    id\n    closedReason\n    closedNote\n    closedAt\n    isLocked\n    viewerCanAnswer\n    duplicateOf {\n      id\n      title\n    }\n    moderation {\n      ...PostModerationFields\n    }\n  }\n"): (typeof documents)["\n  fragment QuestionModerationFields on Question {\n    id\n    closedReason\n    closedNote\n    closedAt\n    isLocked\n    viewerCanAnswer\n    duplicateOf {\n      id\n      title\n    }\n    moderation {\n      ...PostModerationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenQuestion($questionId: ID!) {\n    reopenQuestion(questionId: $questionId) {\n      ...QuestionModerationFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReopenQuestion($questionId: ID!) {\n    reopenQuestion(questionId: $questionId) {\n      ...QuestionModerationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveFlags($input: ResolveFlagsInput!) {\n    resolveFlags(input: $input)\n  }\n"): (typeof documents)["\n  mutation ResolveFlags($input: ResolveFlagsInput!) {\n    resolveFlags(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestorePost($postId: ID!) {\n    restorePost(postId: $postId)\n  }\n"): (typeof documents)["\n  mutation RestorePost($postId: ID!) {\n    restorePost(postId: $postId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockQuestion($questionId: ID!) {\n    unlockQuestion(questionId: $questionId) {\n      ...QuestionModerationFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnlockQuestion($questionId: ID!) {\n    unlockQuestion(questionId: $questionId) {\n      ...QuestionModerationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    message\n    url\n    read\n    createdAt\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id\n    kind\n    message\n    url\n    read\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($unreadOnly: Boolean!, $first: Int!) {\n    me {\n      unreadNotificationCount\n      notifications(unreadOnly: $unreadOnly, first: $first) {\n        ...NotificationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($unreadOnly: Boolean!, $first: Int!) {\n    me {\n      unreadNotificationCount\n      notifications(unreadOnly: $unreadOnly, first: $first) {\n        ...NotificationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    me {\n      unreadNotificationCount\n    }\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    me {\n      unreadNotificationCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideOrganisationRoleRequest($input: DecideOrganisationRoleRequestInput!) {\n    decideOrganisationRoleRequest(input: $input) {\n      id\n      status\n      decidedAt\n      decisionNote\n    }\n  }\n"): (typeof documents)["\n  mutation DecideOrganisationRoleRequest($input: DecideOrganisationRoleRequestInput!) {\n    decideOrganisationRoleRequest(input: $input) {\n      id\n      status\n      decidedAt\n      decisionNote\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrganisationRoles {\n    me {\n      organisationRoles {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n      myRoleRequests {\n        id\n        role\n        status\n        createdAt\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n    organisations {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  query MyOrganisationRoles {\n    me {\n      organisationRoles {\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n      myRoleRequests {\n        id\n        role\n        status\n        createdAt\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n    organisations {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationAdmin($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      pendingRoleRequests {\n        id\n        role\n        note\n        status\n        createdAt\n        user {\n          id\n          displayName\n        }\n      }\n      roleChanges(first: 50) {\n        id\n        fromRole\n        toRole\n        reason\n        createdAt\n        user {\n          id\n          displayName\n        }\n        actor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationAdmin($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      pendingRoleRequests {\n        id\n        role\n        note\n        status\n        createdAt\n        user {\n          id\n          displayName\n        }\n      }\n      roleChanges(first: 50) {\n        id\n        fromRole\n        toRole\n        reason\n        createdAt\n        user {\n          id\n          displayName\n        }\n        actor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisation($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      slug\n      name\n      viewerRole\n      viewerCanManage\n      viewerPendingRequest {\n        id\n        role\n        note\n        status\n        createdAt\n      }\n      members {\n        role\n        grantedAt\n        user {\n          id\n          displayName\n        }\n      }\n    }\n    policyDocuments(organisationSlug: $slug) {\n      id\n      slug\n      title\n      latestVersion {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  query Organisation($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      slug\n      name\n      viewerRole\n      viewerCanManage\n      viewerPendingRequest {\n        id\n        role\n        note\n        status\n        createdAt\n      }\n      members {\n        role\n        grantedAt\n        user {\n          id\n          displayName\n        }\n      }\n    }\n    policyDocuments(organisationSlug: $slug) {\n      id\n      slug\n      title\n      latestVersion {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestOrganisationRole($input: RequestOrganisationRoleInput!) {\n    requestOrganisationRole(input: $input)\n  }\n"): (typeof documents)["\n  mutation RequestOrganisationRole($input: RequestOrganisationRoleInput!) {\n    requestOrganisationRole(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganisationRole($input: SetOrganisationRoleInput!) {\n    setOrganisationRole(input: $input) {\n      id\n      members {\n        role\n        grantedAt\n        user {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetOrganisationRole($input: SetOrganisationRoleInput!) {\n    setOrganisationRole(input: $input) {\n      id\n      members {\n        role\n        grantedAt\n        user {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawOrganisationRoleRequest($requestId: ID!) {\n    withdrawOrganisationRoleRequest(requestId: $requestId)\n  }\n"): (typeof documents)["\n  mutation WithdrawOrganisationRoleRequest($requestId: ID!) {\n    withdrawOrganisationRoleRequest(requestId: $requestId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptPolicyDocument($input: AdaptPolicyDocumentInput!) {\n    adaptPolicyDocument(input: $input) {\n      id\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation AdaptPolicyDocument($input: AdaptPolicyDocumentInput!) {\n    adaptPolicyDocument(input: $input) {\n      id\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthoringOrganisations {\n    organisations(viewerCanAuthorPolicies: true) {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  query AuthoringOrganisations {\n    organisations(viewerCanAuthorPolicies: true) {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitationPickerDocuments {\n    policyDocuments {\n      id\n      slug\n      title\n      organisation {\n        id\n        name\n      }\n      versions {\n        id\n        version\n      }\n      latestVersion {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  query CitationPickerDocuments {\n    policyDocuments {\n      id\n      slug\n      title\n      organisation {\n        id\n        name\n      }\n      versions {\n        id\n        version\n      }\n      latestVersion {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitationPickerSections($slug: String!, $version: String!) {\n    policyVersion(slug: $slug, version: $version) {\n      id\n      version\n      sections {\n        anchor\n        title\n        level\n      }\n    }\n  }\n"): (typeof documents)["\n  query CitationPickerSections($slug: String!, $version: String!) {\n    policyVersion(slug: $slug, version: $version) {\n      id\n      version\n      sections {\n        anchor\n        title\n        level\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePolicyDocument($input: CreatePolicyDocumentInput!) {\n    createPolicyDocument(input: $input) {\n      id\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePolicyDocument($input: CreatePolicyDocumentInput!) {\n    createPolicyDocument(input: $input) {\n      id\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyDiff($slug: String!, $from: String!, $to: String!) {\n    policyDiff(slug: $slug, from: $from, to: $to) {\n      from {\n        id\n        version\n        publishedOn\n      }\n      to {\n        id\n        version\n        publishedOn\n        summaryOfChanges\n      }\n      sections {\n        anchor\n        title\n        change\n        moved\n        fromTitle\n        fromBody\n        fromParentAnchor\n        toBody\n        toParentAnchor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PolicyDiff($slug: String!, $from: String!, $to: String!) {\n    policyDiff(slug: $slug, from: $from, to: $to) {\n      from {\n        id\n        version\n        publishedOn\n      }\n      to {\n        id\n        version\n        publishedOn\n        summaryOfChanges\n      }\n      sections {\n        anchor\n        title\n        change\n        moved\n        fromTitle\n        fromBody\n        fromParentAnchor\n        toBody\n        toParentAnchor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyDocument($slug: String!) {\n    policyDocument(slug: $slug) {\n      id\n      slug\n      title\n      canAuthor\n      organisation {\n        id\n        slug\n        name\n      }\n      versions {\n        id\n        version\n        publishedOn\n      }\n      latestVersion {\n        id\n        version\n      }\n      adaptedFrom {\n        id\n        version\n        document {\n          id\n          slug\n          title\n          organisation {\n            id\n            name\n          }\n        }\n      }\n      adaptations {\n        id\n        slug\n        title\n        organisation {\n          id\n          name\n        }\n        adaptedFrom {\n          id\n          version\n        }\n      }\n      citedBy {\n        ...CitationFields\n        question {\n          id\n          title\n        }\n        answer {\n          id\n          author {\n            id\n            displayName\n          }\n          question {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PolicyDocument($slug: String!) {\n    policyDocument(slug: $slug) {\n      id\n      slug\n      title\n      canAuthor\n      organisation {\n        id\n        slug\n        name\n      }\n      versions {\n        id\n        version\n        publishedOn\n      }\n      latestVersion {\n        id\n        version\n      }\n      adaptedFrom {\n        id\n        version\n        document {\n          id\n          slug\n          title\n          organisation {\n            id\n            name\n          }\n        }\n      }\n      adaptations {\n        id\n        slug\n        title\n        organisation {\n          id\n          name\n        }\n        adaptedFrom {\n          id\n          version\n        }\n      }\n      citedBy {\n        ...CitationFields\n        question {\n          id\n          title\n        }\n        answer {\n          id\n          author {\n            id\n            displayName\n          }\n          question {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyDraftFields on PolicyDraft {\n    markdown\n    updatedAt\n    citationsMadeStale {\n      change\n      citation {\n        ...CitationFields\n        question {\n          id\n          title\n        }\n        answer {\n          id\n          question {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PolicyDraftFields on PolicyDraft {\n    markdown\n    updatedAt\n    citationsMadeStale {\n      change\n      citation {\n        ...CitationFields\n        question {\n          id\n          title\n        }\n        answer {\n          id\n          question {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyDraft($slug: String!) {\n    policyDocument(slug: $slug) {\n      id\n      slug\n      title\n      canAuthor\n      organisation {\n        id\n        slug\n        name\n      }\n      latestVersion {\n        id\n        version\n        markdown\n        licence\n        contributors {\n          name\n          role\n        }\n      }\n      draft {\n        ...PolicyDraftFields\n      }\n      citedBy {\n        ...CitationFields\n        question {\n          id\n          title\n        }\n        answer {\n          id\n          question {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PolicyDraft($slug: String!) {\n    policyDocument(slug: $slug) {\n      id\n      slug\n      title\n      canAuthor\n      organisation {\n        id\n        slug\n        name\n      }\n      latestVersion {\n        id\n        version\n        markdown\n        licence\n        contributors {\n          name\n          role\n        }\n      }\n      draft {\n        ...PolicyDraftFields\n      }\n      citedBy {\n        ...CitationFields\n        question {\n          id\n          title\n        }\n        answer {\n          id\n          question {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyLibrary {\n    policyDocuments {\n      id\n      slug\n      title\n      organisation {\n        id\n        slug\n        name\n      }\n      latestVersion {\n        id\n        version\n        publishedOn\n      }\n      adaptedFrom {\n        id\n        version\n        document {\n          id\n          slug\n          title\n          organisation {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PolicyLibrary {\n    policyDocuments {\n      id\n      slug\n      title\n      organisation {\n        id\n        slug\n        name\n      }\n      latestVersion {\n        id\n        version\n        publishedOn\n      }\n      adaptedFrom {\n        id\n        version\n        document {\n          id\n          slug\n          title\n          organisation {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicySectionFields on PolicySection {\n    anchor\n    title\n    body\n    level\n    parentAnchor\n  }\n"): (typeof documents)["\n  fragment PolicySectionFields on PolicySection {\n    anchor\n    title\n    body\n    level\n    parentAnchor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyVersionList($slug: String!) {\n    policyDocument(slug: $slug) {\n      id\n      slug\n      title\n      versions {\n        id\n        version\n        publishedOn\n      }\n    }\n  }\n"): (typeof documents)["\n  query PolicyVersionList($slug: String!) {\n    policyDocument(slug: $slug) {\n      id\n      slug\n      title\n      versions {\n        id\n        version\n        publishedOn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyVersion($slug: String!, $version: String!) {\n    policyVersion(slug: $slug, version: $version) {\n      id\n      version\n      publishedOn\n      summaryOfChanges\n      licence\n      supersededNotice\n      contributors {\n        name\n        role\n      }\n      supersededBy {\n        id\n        version\n      }\n      latestVersion {\n        id\n        version\n      }\n      sections {\n        ...PolicySectionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query PolicyVersion($slug: String!, $version: String!) {\n    policyVersion(slug: $slug, version: $version) {\n      id\n      version\n      publishedOn\n      summaryOfChanges\n      licence\n      supersededNotice\n      contributors {\n        name\n        role\n      }\n      supersededBy {\n        id\n        version\n      }\n      latestVersion {\n        id\n        version\n      }\n      sections {\n        ...PolicySectionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishPolicyVersion($input: PublishPolicyVersionInput!) {\n    publishPolicyVersion(input: $input) {\n      id\n      version\n      document {\n        id\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishPolicyVersion($input: PublishPolicyVersionInput!) {\n    publishPolicyVersion(input: $input) {\n      id\n      version\n      document {\n        id\n        slug\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SavePolicyDraft($input: SavePolicyDraftInput!) {\n    savePolicyDraft(input: $input) {\n      ...PolicyDraftFields\n    }\n  }\n"): (typeof documents)["\n  mutation SavePolicyDraft($input: SavePolicyDraftInput!) {\n    savePolicyDraft(input: $input) {\n      ...PolicyDraftFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditQuestion($input: EditQuestionInput!) {\n    editQuestion(input: $input) {\n      id\n      title\n      body\n      lastActivityAt\n      tags {\n        id\n        slug\n      }\n      revisions {\n        ...PostRevisionFields\n      }\n      # An author's edit of a hidden post asks for a review.\n      moderation {\n        ...PostModerationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EditQuestion($input: EditQuestionInput!) {\n    editQuestion(input: $input) {\n      id\n      title\n      body\n      lastActivityAt\n      tags {\n        id\n        slug\n      }\n      revisions {\n        ...PostRevisionFields\n      }\n      # An author's edit of a hidden post asks for a review.\n      moderation {\n        ...PostModerationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostRevisionFields on PostRevision {\n    title\n    body\n    editedAt\n    editedBy {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment PostRevisionFields on PostRevision {\n    title\n    body\n    editedAt\n    editedBy {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuestionDetail($id: ID!, $answersOffset: Int = 0) {\n    question(id: $id) {\n      id\n      title\n      body\n      score\n      viewerVote\n      viewCount\n      answerCount\n      createdAt\n      lastActivityAt\n      author {\n        id\n        displayName\n      }\n      community {\n        id\n        slug\n        title\n      }\n      tags {\n        id\n        slug\n      }\n      acceptedAnswer {\n        id\n      }\n      comments {\n        ...CommentFields\n      }\n      revisions {\n        ...PostRevisionFields\n      }\n      citations {\n        ...CitationFields\n      }\n      # One more than a page shows (ANSWERS_PER_PAGE in answer-pages.tsx), to know whether there is a next page.\n      answers(first: 31, offset: $answersOffset) {\n        ...AnswerFields\n      }\n      ...QuestionModerationFields\n    }\n  }\n"): (typeof documents)["\n  query QuestionDetail($id: ID!, $answersOffset: Int = 0) {\n    question(id: $id) {\n      id\n      title\n      body\n      score\n      viewerVote\n      viewCount\n      answerCount\n      createdAt\n      lastActivityAt\n      author {\n        id\n        displayName\n      }\n      community {\n        id\n        slug\n        title\n      }\n      tags {\n        id\n        slug\n      }\n      acceptedAnswer {\n        id\n      }\n      comments {\n        ...CommentFields\n      }\n      revisions {\n        ...PostRevisionFields\n      }\n      citations {\n        ...CitationFields\n      }\n      # One more than a page shows (ANSWERS_PER_PAGE in answer-pages.tsx), to know whether there is a next page.\n      answers(first: 31, offset: $answersOffset) {\n        ...AnswerFields\n      }\n      ...QuestionModerationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuestionList($filter: QuestionFilter, $orderBy: QuestionOrder, $first: Int, $after: String) {\n    questions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...QuestionSummary\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QuestionList($filter: QuestionFilter, $orderBy: QuestionOrder, $first: Int, $after: String) {\n    questions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...QuestionSummary\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuestionSummary on Question {\n    id\n    title\n    score\n    answerCount\n    viewCount\n    createdAt\n    lastActivityAt\n    closedReason\n    acceptedAnswer {\n      id\n    }\n    author {\n      id\n      displayName\n    }\n    community {\n      id\n      slug\n      title\n    }\n    tags {\n      id\n      slug\n    }\n  }\n"): (typeof documents)["\n  fragment QuestionSummary on Question {\n    id\n    title\n    score\n    answerCount\n    viewCount\n    createdAt\n    lastActivityAt\n    closedReason\n    acceptedAnswer {\n      id\n    }\n    author {\n      id\n      displayName\n    }\n    community {\n      id\n      slug\n      title\n    }\n    tags {\n      id\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimilarQuestions($title: String!) {\n    similarQuestions(title: $title, first: 5) {\n      id\n      title\n      answerCount\n      acceptedAnswer {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query SimilarQuestions($title: String!) {\n    similarQuestions(title: $title, first: 5) {\n      id\n      title\n      answerCount\n      acceptedAnswer {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TagList($first: Int) {\n    tags(first: $first) {\n      id\n      slug\n      questionCount\n    }\n  }\n"): (typeof documents)["\n  query TagList($first: Int) {\n    tags(first: $first) {\n      id\n      slug\n      questionCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TagSuggestions($prefix: String!) {\n    tags(prefix: $prefix, first: 8) {\n      id\n      slug\n      questionCount\n    }\n  }\n"): (typeof documents)["\n  query TagSuggestions($prefix: String!) {\n    tags(prefix: $prefix, first: 8) {\n      id\n      slug\n      questionCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input)\n  }\n"): (typeof documents)["\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $filter: SearchFilter, $orderBy: SearchOrder, $first: Int, $after: String) {\n    searchResults(query: $query, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      totalCountIsLowerBound\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ... on SearchHit {\n            snippet\n            matchingAnswerCount\n            answer {\n              id\n            }\n            question {\n              id\n              title\n              answerCount\n              score\n              createdAt\n              community {\n                id\n                slug\n                title\n              }\n              tags {\n                id\n                slug\n              }\n            }\n          }\n          ... on PolicySectionHit {\n            snippet\n            isCurrentVersion\n            section {\n              anchor\n              title\n            }\n            version {\n              id\n              version\n              publishedOn\n            }\n            document {\n              id\n              slug\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $filter: SearchFilter, $orderBy: SearchOrder, $first: Int, $after: String) {\n    searchResults(query: $query, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      totalCountIsLowerBound\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ... on SearchHit {\n            snippet\n            matchingAnswerCount\n            answer {\n              id\n            }\n            question {\n              id\n              title\n              answerCount\n              score\n              createdAt\n              community {\n                id\n                slug\n                title\n              }\n              tags {\n                id\n                slug\n              }\n            }\n          }\n          ... on PolicySectionHit {\n            snippet\n            isCurrentVersion\n            section {\n              anchor\n              title\n            }\n            version {\n              id\n              version\n              publishedOn\n            }\n            document {\n              id\n              slug\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FollowFields on Follow {\n    kind\n    targetId\n    label\n  }\n"): (typeof documents)["\n  fragment FollowFields on Follow {\n    kind\n    targetId\n    label\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Follow($input: FollowInput!) {\n    follow(input: $input) {\n      ...FollowFields\n    }\n  }\n"): (typeof documents)["\n  mutation Follow($input: FollowInput!) {\n    follow(input: $input) {\n      ...FollowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyFollows {\n    me {\n      follows {\n        ...FollowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyFollows {\n    me {\n      follows {\n        ...FollowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationSettingsFields on NotificationSettings {\n    digestFrequency\n    digestWeekday\n    digestHour\n    timeZone\n    autoWatch\n    emailConfirmedAt\n  }\n"): (typeof documents)["\n  fragment NotificationSettingsFields on NotificationSettings {\n    digestFrequency\n    digestWeekday\n    digestHour\n    timeZone\n    autoWatch\n    emailConfirmedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationSettings {\n    me {\n      email\n      notificationSettings {\n        ...NotificationSettingsFields\n      }\n      follows {\n        ...FollowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationSettings {\n    me {\n      email\n      notificationSettings {\n        ...NotificationSettingsFields\n      }\n      follows {\n        ...FollowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendEmailConfirmation {\n    sendEmailConfirmation\n  }\n"): (typeof documents)["\n  mutation SendEmailConfirmation {\n    sendEmailConfirmation\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMyDigestNow {\n    sendMyDigestNow\n  }\n"): (typeof documents)["\n  mutation SendMyDigestNow {\n    sendMyDigestNow\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unfollow($input: FollowInput!) {\n    unfollow(input: $input)\n  }\n"): (typeof documents)["\n  mutation Unfollow($input: FollowInput!) {\n    unfollow(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      ...NotificationSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      ...NotificationSettingsFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;