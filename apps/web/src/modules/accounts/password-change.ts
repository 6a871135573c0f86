import { newPasswordProblem } from './account-deletion';

export type PasswordChangeField = 'currentPassword' | 'newPassword' | 'confirmation';

/** What is wrong with the change-password form before it is sent, named by field, or null. */
export function passwordChangeProblem(form: { currentPassword: string; newPassword: string; confirmation: string }): { field: PasswordChangeField; message: string } | null {
  if (form.currentPassword === '') return { field: 'currentPassword', message: 'Type your current password.' };
  const problem = newPasswordProblem(form.newPassword, form.confirmation);
  if (problem) return { field: problem.field === 'password' ? 'newPassword' : 'confirmation', message: problem.message };
  if (form.newPassword === form.currentPassword) return { field: 'newPassword', message: 'Choose a password different from your current one.' };
  return null;
}

/** Said once the password is changed, so the person knows what happened to their other devices. */
export const PASSWORD_CHANGED_MESSAGE = 'Your password was changed. You are still signed in here; every other device and browser was signed out.';
