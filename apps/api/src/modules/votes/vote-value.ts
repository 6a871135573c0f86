import { registerEnumType } from '@nestjs/graphql';

export enum VoteValue {
  UP = 'UP',
  DOWN = 'DOWN',
  NONE = 'NONE',
}
registerEnumType(VoteValue, { name: 'VoteValue' });

export const voteNumber = (value: VoteValue): number => (value === VoteValue.UP ? 1 : value === VoteValue.DOWN ? -1 : 0);
export const voteValue = (n: number | undefined): VoteValue => (n === 1 ? VoteValue.UP : n === -1 ? VoteValue.DOWN : VoteValue.NONE);
