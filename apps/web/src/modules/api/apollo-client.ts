import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

// Same origin in production (the API serves this app) and through Vite's proxy in
// development, so the httpOnly session cookie is sent without the app ever seeing a token.
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
      typePolicies: {
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
