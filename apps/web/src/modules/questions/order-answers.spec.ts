import { orderAnswers } from './order-answers';

describe('orderAnswers', () => {
  it('puts the accepted answer first, then by score, then oldest first', () => {
    const answers = [
      { id: 'a', isAccepted: false, score: 1, createdAt: '2024-01-02T00:00:00Z' },
      { id: 'b', isAccepted: false, score: 5, createdAt: '2024-01-03T00:00:00Z' },
      { id: 'c', isAccepted: true, score: 0, createdAt: '2024-01-04T00:00:00Z' },
      { id: 'd', isAccepted: false, score: 1, createdAt: '2024-01-01T00:00:00Z' },
    ];
    expect(orderAnswers(answers).map((answer) => answer.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});
