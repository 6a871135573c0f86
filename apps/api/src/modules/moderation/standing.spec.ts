import { flagWeight, HIDE_THRESHOLD, reachesThreshold, standing } from './standing.js';

const now = new Date('2026-03-01T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);
const member = (upheld = 0, dismissed = 0, accountCreatedAt = daysAgo(30)) => ({ upheld, dismissed, accountCreatedAt, moderatesCommunity: false });

describe('flag standing', () => {
  it('starts at 1 for a member with no history', () => {
    expect(standing({ upheld: 0, dismissed: 0 })).toBe(1);
    expect(flagWeight(member(), now)).toBe(1);
  });

  it('gains 0.25 per upheld flag, at most 1 in all', () => {
    expect(flagWeight(member(1), now)).toBe(1.25);
    expect(flagWeight(member(3), now)).toBe(1.75);
    expect(flagWeight(member(4), now)).toBe(2);
    expect(flagWeight(member(40), now)).toBe(2);
  });

  it('loses 0.5 per dismissed flag, never below 0.25', () => {
    expect(flagWeight(member(0, 1), now)).toBe(0.5);
    expect(flagWeight(member(0, 2), now)).toBe(0.25);
    expect(flagWeight(member(0, 9), now)).toBe(0.25);
    expect(flagWeight(member(4, 2), now)).toBe(1);
  });

  it('halves the weight of accounts younger than a day', () => {
    expect(flagWeight(member(0, 0, new Date(now.getTime() - 23 * 3600 * 1000)), now)).toBe(0.5);
    expect(flagWeight(member(0, 0, new Date(now.getTime() - 25 * 3600 * 1000)), now)).toBe(1);
    // Halved after the floor, rounded as the flags table keeps it.
    expect(flagWeight(member(0, 5, daysAgo(0.1)), now)).toBe(0.13);
  });

  it("counts a community moderator's flag as the whole threshold", () => {
    expect(flagWeight({ ...member(0, 9, daysAgo(0)), moderatesCommunity: true }, now)).toBe(HIDE_THRESHOLD);
    expect(reachesThreshold([flagWeight({ ...member(), moderatesCommunity: true }, now)])).toBe(true);
  });

  it('hides once flags from distinct members add up to 2', () => {
    expect(reachesThreshold([1])).toBe(false);
    expect(reachesThreshold([1, 1])).toBe(true);
    expect(reachesThreshold([1, 0.5])).toBe(false);
    expect(reachesThreshold([1.25, 0.5, 0.25])).toBe(true);
    expect(reachesThreshold([0.13, 0.13])).toBe(false);
  });
});
