import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../../common/auth.js';
import { groupByKeys, type RequestLoaders } from '../../common/loaders.js';
import { firstArg, pageSize } from '../../common/pagination.js';
import { UserModel } from '../accounts/accounts.model.js';
import { PublishedQuestions } from './published-questions.service.js';
import { QuestionModel } from './question.model.js';
import { toQuestionModel } from './questions.resolver.js';

/** A profile lists at most this many of a person's posts of each kind; their search results have the rest. */
export const PROFILE_LIMIT = 20;

/** A person's profile shows what they asked: the same readable questions every list shows. */
@Resolver(() => UserModel)
export class UserQuestionsResolver {
  constructor(private readonly published: PublishedQuestions) {}

  @ResolveField(() => [QuestionModel], { description: 'Their newest questions people can read, newest first.' })
  async questions(@Parent() user: UserModel, @Args('first', firstArg(5, 'How many, at most 20.')) first: number | null, @Loaders() loaders: RequestLoaders): Promise<QuestionModel[]> {
    const questions = await loaders
      .get<string, QuestionModel[]>('questions.newestByAuthor', async (ids) =>
        groupByKeys(ids, await this.published.newestByAuthors(ids, PROFILE_LIMIT), (q) => q.authorId).map((qs) => qs.map(toQuestionModel)),
      )
      .load(user.id);
    return questions.slice(0, Math.min(pageSize(first, 5), PROFILE_LIMIT));
  }

  @ResolveField(() => Int, { description: 'How many questions people can read they asked.' })
  questionCount(@Parent() user: UserModel, @Loaders() loaders: RequestLoaders): Promise<number> {
    return loaders
      .get<string, number>('questions.countByAuthor', async (ids) => {
        const counts = await this.published.countsByAuthors(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      })
      .load(user.id);
  }
}
