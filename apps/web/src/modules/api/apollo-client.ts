import { ApolloClient, HttpLink, InMemoryCache, type NormalizedCacheObject } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { print, type DocumentNode } from 'graphql';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * Codegen puts each operation's sha256 on its document (persisted-documents.json lists
 * them), and the api knows those: the app sends the hash instead of the text. An
 * operation the api does not know (a build newer than the api's copy) is answered
 * PERSISTED_QUERY_NOT_FOUND, and the link sends the text instead.
 */
async function operationHash(document: DocumentNode): Promise<string> {
  const embedded = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof embedded === 'string') return embedded.replace(/^sha256:/, '');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(print(document)));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The cache, with the same type policies in the browser and in the server renderer. */
export function createApolloCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // One signed-in user per client (the store is reset on sign-in and sign-out), so
      // `me` is a singleton: the bell, the follow buttons and the settings page each
      // select some of its fields, and they merge instead of replacing each other.
      Me: { keyFields: [] },
      NotificationSettings: { merge: true },
      // A post's moderation state has no id of its own: it belongs to its post.
      PostModeration: { merge: true },
      Query: {
        fields: {
          questions: relayStylePagination(['filter', 'orderBy']),
          searchResults: relayStylePagination(['query', 'filter', 'orderBy']),
        },
      },
    },
  });
}

// Same origin in production (the API serves this app) and through Vite's proxy in
// development, so the httpOnly session cookie is sent without the app ever seeing a token.
export function createApolloClient(serverState?: NormalizedCacheObject): ApolloClient {
  const cache = createApolloCache();
  if (serverState) cache.restore(serverState);
  return new ApolloClient({
    link: new PersistedQueryLink({ generateHash: operationHash }).concat(new HttpLink({ uri: '/graphql', credentials: 'same-origin' })),
    cache,
    defaultOptions: {
      // Lists change under us (new questions, votes by others); show the cache at once
      // and refresh it on every visit. Except on the page the server rendered: its data is
      // a moment old, and asking again is what the serialised cache is there to spare.
      watchQuery: { fetchPolicy: serverState ? 'cache-first' : 'cache-and-network' },
    },
  });
}

/**
 * From the first navigation after a server-rendered page on, queries refresh on every visit
 * again. (Not Apollo's ssrForceFetchDelay: it also turns refetches into cache reads, so a
 * follow or a vote in the first seconds would not show.)
 */
export function refreshOnEveryVisit(client: ApolloClient): void {
  client.defaultOptions.watchQuery = { ...client.defaultOptions.watchQuery, fetchPolicy: 'cache-and-network' };
}
