import { deletionProblem, keptOnDeletion, newPasswordProblem } from './account-deletion';

describe('deleting an account', () => {
  it('needs the password, then the box ticked', () => {
    expect(deletionProblem({ password: '', understood: true })?.field).toBe('password');
    expect(deletionProblem({ password: 'secret', understood: false })?.field).toBe('understood');
    expect(deletionProblem({ password: 'secret', understood: true })).toBeNull();
  });

  it('says what stays: the posts under "a deleted member", or tombstones when they go too', () => {
    expect(keptOnDeletion(false)[0]).toMatch(/stay, shown as by “a deleted member”/);
    expect(keptOnDeletion(true)[0]).toMatch(/removed: others see “removed with its author’s account”/);
  });
});

describe('choosing a new password', () => {
  it('applies the API rule and checks the two match', () => {
    expect(newPasswordProblem('short', 'short')).toEqual({ field: 'password', message: 'Password must be at least 10 characters.' });
    expect(newPasswordProblem('long-enough-1', 'long-enough-2')?.field).toBe('confirmation');
    expect(newPasswordProblem('long-enough-1', 'long-enough-1')).toBeNull();
  });
});
