import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export interface ApiErrorSummary {
  /** Every message the API gave, for places that have no form fields to attach them to. */
  message: string;
  /** Messages that belong to no input field (or null when all of them do). */
  formMessage: string | null;
  /** BAD_USER_INPUT messages keyed by extensions.field. */
  fieldErrors: Record<string, string>;
  /** The first error's extensions.code, when the API gave one. */
  code: string | null;
}

const UNREACHABLE = 'Could not reach Policy Commons. Check your connection and try again.';

function describeGraphQLError(message: string, extensions: Record<string, unknown> | undefined): string {
  // Some limits already say when, in words ("Try again in 12 minutes."); the rest get the seconds.
  if (extensions?.code === 'RATE_LIMITED' && typeof extensions.retryAfter === 'number' && !/try again in /i.test(message)) {
    return `${message} (try again in ${extensions.retryAfter} s)`;
  }
  return message;
}

export function summariseApiError(error: unknown): ApiErrorSummary {
  if (CombinedGraphQLErrors.is(error)) {
    const fieldErrors: Record<string, string> = {};
    const formMessages: string[] = [];
    const allMessages: string[] = [];
    for (const graphQLError of error.errors) {
      const extensions = graphQLError.extensions;
      const text = describeGraphQLError(graphQLError.message, extensions);
      allMessages.push(text);
      if (extensions?.code === 'BAD_USER_INPUT' && typeof extensions.field === 'string') {
        // The API may name a nested input ("input.title"); forms know the last segment.
        for (const key of new Set([extensions.field, extensions.field.split('.').pop() ?? extensions.field])) {
          fieldErrors[key] ??= text;
        }
      } else {
        formMessages.push(text);
      }
    }
    const firstCode = error.errors[0]?.extensions?.code;
    return {
      message: allMessages.join('\n'),
      formMessage: formMessages.length > 0 ? formMessages.join('\n') : null,
      fieldErrors,
      code: typeof firstCode === 'string' ? firstCode : null,
    };
  }
  if (ServerError.is(error)) {
    const message = error.statusCode >= 500 ? `Policy Commons is unavailable right now (HTTP ${error.statusCode}).` : `The server refused the request (HTTP ${error.statusCode}).`;
    return { message, formMessage: message, fieldErrors: {}, code: null };
  }
  // fetch() rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message)) {
    return { message: UNREACHABLE, formMessage: UNREACHABLE, fieldErrors: {}, code: null };
  }
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return { message, formMessage: message, fieldErrors: {}, code: null };
}
