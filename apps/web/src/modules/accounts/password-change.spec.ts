import { PASSWORD_CHANGED_MESSAGE, passwordChangeProblem } from './password-change';

describe('changing the password', () => {
  const form = { currentPassword: 'the old passphrase', newPassword: 'a new passphrase', confirmation: 'a new passphrase' };

  it('asks for the current password first', () => {
    expect(passwordChangeProblem({ ...form, currentPassword: '' })).toEqual({ field: 'currentPassword', message: 'Type your current password.' });
  });

  it('applies the API rule to the new one and checks the two match', () => {
    expect(passwordChangeProblem({ ...form, newPassword: 'short', confirmation: 'short' })).toEqual({ field: 'newPassword', message: 'Password must be at least 10 characters.' });
    expect(passwordChangeProblem({ ...form, confirmation: 'something else' })?.field).toBe('confirmation');
  });

  it('refuses the same password again', () => {
    expect(passwordChangeProblem({ ...form, newPassword: form.currentPassword, confirmation: form.currentPassword })?.field).toBe('newPassword');
  });

  it('lets a good change through and says the other devices were signed out', () => {
    expect(passwordChangeProblem(form)).toBeNull();
    expect(PASSWORD_CHANGED_MESSAGE).toMatch(/every other device and browser was signed out/);
  });
});
