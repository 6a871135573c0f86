import { UseGuards } from '@nestjs/common';
import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Loaders, OptionalViewer, SignedInGuard } from '../../common/auth.js';
import { RateLimit } from '../../common/rate-limits.js';
import type { RequestLoaders } from '../../common/loaders.js';
import type { Viewer } from '../../common/request-context.js';
import { AnswerModel } from '../answers/answer.model.js';
import { QuestionModel } from '../questions/question.model.js';
import { VoteInput } from './dto/vote.input.js';
import { VoteValue, voteValue } from './vote-value.js';
import { VotesService } from './votes.service.js';

@Resolver(() => QuestionModel)
export class VotesResolver {
  constructor(private readonly votes: VotesService) {}

  @Mutation(() => Int, { description: "The post's new score." })
  @UseGuards(SignedInGuard)
  @RateLimit('vote')
  vote(@Args('input') input: VoteInput, @CurrentViewer() viewer: Viewer): Promise<number> {
    return this.votes.vote(viewer, input.postId, input.value);
  }

  @ResolveField(() => VoteValue, { description: "The signed-in person's vote on this question (NONE when signed out)." })
  async viewerVote(@Parent() question: QuestionModel, @OptionalViewer() viewer: Viewer | null, @Loaders() loaders: RequestLoaders): Promise<VoteValue> {
    if (!viewer) return VoteValue.NONE;
    return loaders
      .get<string, VoteValue>('questions.viewerVote', async (ids) => {
        const votes = new Map((await this.votes.viewerVotesOnQuestions(viewer.id, ids)).map((v) => [v.questionId, v.value]));
        return ids.map((id) => voteValue(votes.get(id)));
      })
      .load(question.id);
  }
}

@Resolver(() => AnswerModel)
export class AnswerVotesResolver {
  constructor(private readonly votes: VotesService) {}

  @ResolveField(() => VoteValue, { description: "The signed-in person's vote on this answer (NONE when signed out)." })
  async viewerVote(@Parent() answer: AnswerModel, @OptionalViewer() viewer: Viewer | null, @Loaders() loaders: RequestLoaders): Promise<VoteValue> {
    if (!viewer) return VoteValue.NONE;
    return loaders
      .get<string, VoteValue>('answers.viewerVote', async (ids) => {
        const votes = new Map((await this.votes.viewerVotesOnAnswers(viewer.id, ids)).map((v) => [v.answerId, v.value]));
        return ids.map((id) => voteValue(votes.get(id)));
      })
      .load(answer.id);
  }
}
