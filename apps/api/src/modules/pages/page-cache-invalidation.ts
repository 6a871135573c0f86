import type { ApolloServerPlugin } from '@apollo/server';
import type { PagesService } from './pages.service.js';

/**
 * A change anyone can see (a new answer, a vote, an edit, a moderator's removal) must not
 * wait out the page cache: every mutation that succeeds, even partly, clears it. Mutations
 * are rare next to page views, so the cache still serves the busy pages.
 */
export function pageCacheInvalidation(pages: PagesService): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ operation, response }) => {
        if (operation?.operation !== 'mutation') return;
        const result = response.body.kind === 'single' ? response.body.singleResult : null;
        if (result?.data) pages.invalidate();
      },
    }),
  };
}
