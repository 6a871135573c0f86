import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../../common/auth.js';
import { groupByKeys, type RequestLoaders } from '../../common/loaders.js';
import { firstArg, pageSize } from '../../common/pagination.js';
import { UserModel } from '../accounts/accounts.model.js';
import { PROFILE_LIMIT } from '../questions/user-questions.resolver.js';
import { AnswerModel } from './answer.model.js';
import { toAnswerModel } from './answers.resolver.js';
import { PublishedAnswers } from './published-answers.service.js';

type AnswerCounts = { answers: number; accepted: number };

/** A person's profile shows what they answered: readable answers to readable questions. */
@Resolver(() => UserModel)
export class UserAnswersResolver {
  constructor(private readonly published: PublishedAnswers) {}

  @ResolveField(() => [AnswerModel], { description: 'Their newest answers people can read, newest first.' })
  async answers(@Parent() user: UserModel, @Args('first', firstArg(5, 'How many, at most 20.')) first: number | null, @Loaders() loaders: RequestLoaders): Promise<AnswerModel[]> {
    const answers = await loaders
      .get<string, AnswerModel[]>('answers.newestByAuthor', async (ids) =>
        groupByKeys(ids, await this.published.newestByAuthors(ids, PROFILE_LIMIT), (a) => a.authorId).map((as) => as.map(toAnswerModel)),
      )
      .load(user.id);
    return answers.slice(0, Math.min(pageSize(first, 5), PROFILE_LIMIT));
  }

  private counts(user: UserModel, loaders: RequestLoaders): Promise<AnswerCounts> {
    return loaders
      .get<string, AnswerCounts>('answers.countsByAuthor', async (ids) => {
        const counts = await this.published.countsByAuthors(ids);
        return ids.map((id) => counts.get(id) ?? { answers: 0, accepted: 0 });
      })
      .load(user.id);
  }

  @ResolveField(() => Int, { description: 'How many answers people can read they posted.' })
  async answerCount(@Parent() user: UserModel, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await this.counts(user, loaders)).answers;
  }

  @ResolveField(() => Int, { description: 'How many of those answers were accepted by the person who asked.' })
  async acceptedAnswerCount(@Parent() user: UserModel, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await this.counts(user, loaders)).accepted;
  }
}
