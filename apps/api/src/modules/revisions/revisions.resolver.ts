import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../../common/auth.js';
import { groupByKeys, postKeyOf, splitPostKeys, type PostKey, type RequestLoaders } from '../../common/loaders.js';
import { loadUser } from '../accounts/accounts.resolver.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { UserModel } from '../accounts/accounts.model.js';
import { PostRevisionModel } from './post-revision.model.js';
import { RevisionsService } from './revisions.service.js';
import type { PostRevisionEntity } from './post-revision.entity.js';

export const toRevisionModel = (r: PostRevisionEntity): PostRevisionModel => ({
  revision: r.revision,
  title: r.title,
  body: r.body,
  tags: r.tags,
  editedAt: r.editedAt,
  editedById: r.editedBy,
});

/** A post's latest revisions, oldest first; questions' and answers' come in one batch (see PostKey). */
export function loadRevisionsOf(loaders: RequestLoaders, revisions: RevisionsService, post: PostKey): Promise<PostRevisionModel[]> {
  return loaders
    .get<PostKey, PostRevisionModel[]>('revisions.byPost', async (keys) => {
      const { questionIds, answerIds } = splitPostKeys(keys);
      return groupByKeys(keys, await revisions.forPosts(questionIds, answerIds), postKeyOf).map((rs) => rs.map(toRevisionModel));
    })
    .load(post);
}

/** What `first` means on a post's revisions: the latest ones, so the last is always the current text. */
export const REVISIONS_FIRST = 'How many of the latest revisions, at most 100.';

@Resolver(() => PostRevisionModel)
export class RevisionsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => UserModel)
  editedBy(@Parent() revision: PostRevisionModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> {
    return loadUser(loaders, this.accounts, revision.editedById);
  }
}
