import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { UserProfileQuery } from '../../generated/graphql';
import { activitySummary, UserActivity } from './user-activity';

const user: NonNullable<UserProfileQuery['user']> = {
  __typename: 'User',
  id: 'u1',
  displayName: 'Kate Linden',
  createdAt: '2012-07-12T09:00:00.000Z',
  suspendedUntil: null,
  questionCount: 1,
  answerCount: 3,
  acceptedAnswerCount: 2,
  questions: [{ __typename: 'Question', id: 'q1', title: 'Officers on parish blogs', createdAt: '2026-01-02T09:00:00.000Z', answerCount: 2 }],
  answers: [{ __typename: 'Answer', id: 'a1', createdAt: '2026-01-03T09:00:00.000Z', isAccepted: true, question: { __typename: 'Question', id: 'q9', title: 'Declaring a governorship' } }],
  organisationRoles: [],
  affiliations: [],
};

describe('a profile’s activity', () => {
  it('says when they joined and how much they asked and answered', () => {
    expect(activitySummary(user)).toBe('Member since 12 July 2012 · 1 question · 3 answers (2 accepted)');
    expect(activitySummary({ ...user, questionCount: 0, answerCount: 0, acceptedAnswerCount: 0 })).toBe('Member since 12 July 2012 · 0 questions · 0 answers');
  });

  it('lists their recent questions and answers, linking to each', () => {
    render(
      <MemoryRouter>
        <UserActivity user={user} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: 'Officers on parish blogs' }).getAttribute('href')).toBe('/q/q1');
    expect(screen.getByRole('link', { name: 'Declaring a governorship' }).getAttribute('href')).toBe('/q/q9#answer-a1');
    expect(screen.getByTestId('profile-answers').textContent).toContain('accepted');
  });
});
