import { Kind } from 'graphql';
import type { preExecutionHookHandler } from 'mercurius';

/**
 * Mercurius keeps one operation compiled by graphql-jit per document text, and once it has
 * one it runs it whatever operation a later request names (mercurius 16.10: the cache is
 * keyed by the text alone). A document holding several operations is therefore never
 * compiled: returning it from preExecution marks it as changed, which is what makes
 * Mercurius run it on graphql-js, by the name the request gives. The web app's operations
 * are one per document, so they all stay compiled.
 */
export const severalOperationsUncompiled: preExecutionHookHandler = (_schema, document) => {
  let operations = 0;
  for (const definition of document.definitions) if (definition.kind === Kind.OPERATION_DEFINITION) operations += 1;
  return operations > 1 ? { document } : undefined;
};
