/** What deleting an account erases, in the words the confirmation shows. */
export const ERASED_ON_DELETION: readonly string[] = [
  'your email address and display name',
  'your declared affiliations, the roles organisations granted you and your community memberships',
  'your sessions: you are signed out everywhere',
  'your digest settings, follows and notifications',
];

/** What stays, depending on whether the posts go too. */
export function keptOnDeletion(removePosts: boolean): string[] {
  return removePosts
    ? [
        'your questions, answers and comments are removed: others see “removed with its author’s account” in their place',
        'your votes still count, without your name',
      ]
    : [
        'your questions, answers and comments stay, shown as by “a deleted member”',
        'their edit history keeps the text, but not who wrote it',
      ];
}

export function deletionProblem(form: { password: string; understood: boolean }): { field: 'password' | 'understood'; message: string } | null {
  if (form.password === '') return { field: 'password', message: 'Type your password to confirm it is you.' };
  if (!form.understood) return { field: 'understood', message: 'Tick the box to confirm you understand this cannot be undone.' };
  return null;
}

/** The same rule the API applies to every password (apps/api accounts dto), checked before sending. */
export const PASSWORD_MIN_LENGTH = 10;

export function newPasswordProblem(password: string, confirmation: string): { field: 'password' | 'confirmation'; message: string } | null {
  if (password.length < PASSWORD_MIN_LENGTH) return { field: 'password', message: `Password must be at least ${PASSWORD_MIN_LENGTH} characters.` };
  if (password !== confirmation) return { field: 'confirmation', message: 'The two passwords are not the same.' };
  return null;
}
