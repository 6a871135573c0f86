import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

// Same origin in production (the API serves this app) and through Vite's proxy in
// development, so the httpOnly session cookie is sent without the app ever seeing a token.
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
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
            search: relayStylePagination(['query']),
          },
        },
      },
    }),
    defaultOptions: {
      // Lists change under us (new questions, votes by others); show the cache at once
      // and refresh it on every visit.
      watchQuery: { fetchPolicy: 'cache-and-network' },
    },
  });
}
