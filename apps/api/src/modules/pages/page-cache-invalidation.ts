import { getOperationAST } from 'graphql';
import type { preExecutionHookHandler, onResolutionHookHandler } from 'mercurius';
import type { PagesService } from './pages.service.js';

/**
 * A change anyone can see (a new answer, a vote, an edit, a moderator's removal) must not
 * wait out the page cache: every mutation that succeeds, even partly, clears it. Mutations
 * are rare next to page views, so the cache still serves the busy pages. GraphQL server
 * hooks (Mercurius): the operation's type is known before it runs, its data after.
 */
export function pageCacheInvalidation(pages: PagesService): { preExecution: preExecutionHookHandler; onResolution: onResolutionHookHandler } {
  const mutations = new WeakSet<object>();
  return {
    preExecution: (_schema, document, context) => {
      if (getOperationAST(document)?.operation === 'mutation') mutations.add(context);
    },
    onResolution: (execution, context) => {
      if (mutations.has(context) && execution.data) pages.invalidate();
    },
  };
}
