/**
 * @jest-environment node
 */
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { summariseApiError } from './api-error';

describe('summariseApiError', () => {
  it('keys BAD_USER_INPUT errors by extensions.field and keeps the rest for the form', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        { message: 'Title is too short', extensions: { code: 'BAD_USER_INPUT', field: 'title' } },
        { message: 'Not a member of this community', extensions: { code: 'FORBIDDEN' } },
      ],
    });
    const summary = summariseApiError(error);
    expect(summary.fieldErrors).toEqual({ title: 'Title is too short' });
    expect(summary.formMessage).toBe('Not a member of this community');
    expect(summary.message).toBe('Title is too short\nNot a member of this community');
    expect(summary.code).toBe('BAD_USER_INPUT');
  });

  it('also keys a nested field by its last segment', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'Too many tags', extensions: { code: 'BAD_USER_INPUT', field: 'input.tags' } }],
    });
    expect(summariseApiError(error).fieldErrors).toEqual({ 'input.tags': 'Too many tags', tags: 'Too many tags' });
  });

  it('has no form message when every error belongs to a field', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'Email is taken', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }],
    });
    expect(summariseApiError(error).formMessage).toBeNull();
  });

  it('says when to retry a rate-limited request', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'Too many attempts', extensions: { code: 'RATE_LIMITED', retryAfter: 30 } }],
    });
    expect(summariseApiError(error).message).toBe('Too many attempts (try again in 30 s)');
  });

  it('does not say when to retry twice', () => {
    const message = 'You have asked or edited 10 questions in the last hour. Try again in 12 minutes.';
    const error = new CombinedGraphQLErrors({ errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfter: 700 } }] });
    expect(summariseApiError(error).message).toBe(message);
  });

  it('explains an HTTP failure', () => {
    const error = new ServerError('Bad gateway', { response: new Response('', { status: 502 }), bodyText: '' });
    expect(summariseApiError(error).message).toMatch(/HTTP 502/);
  });

  it('explains an unreachable server', () => {
    expect(summariseApiError(new TypeError('Failed to fetch')).message).toMatch(/Could not reach/);
  });
});
