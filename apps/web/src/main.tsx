import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { appRoutes } from './app';
import { createApolloClient, refreshOnEveryVisit } from './modules/api/apollo-client';
import { setHydrationNow } from './modules/layout/format-date';
import { readServerData, SERVER_DATA_ID } from './modules/api/server-data';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

const serverData = readServerData(document.getElementById(SERVER_DATA_ID));
const router = createBrowserRouter(appRoutes);
const client = createApolloClient(serverData?.state);
const app = (
  <StrictMode>
    <ApolloProvider client={client}>
      <RouterProvider router={router} />
    </ApolloProvider>
  </StrictMode>
);

if (serverData) {
  // The server rendered this page: adopt its markup instead of drawing it again.
  setHydrationNow(new Date(serverData.renderedAt));
  // As a transition, hydration yields to the browser every few milliseconds instead of holding
  // the main thread until the whole page is adopted: a tap or a scroll is answered meanwhile.
  startTransition(() => {
    hydrateRoot(container, app);
  });
  // Until the reader moves on, relative times ("3 minutes ago") read the server's clock and
  // queries read the data the page came with.
  const stop = router.subscribe(() => {
    stop();
    setHydrationNow(null);
    refreshOnEveryVisit(client);
  });
} else {
  createRoot(container).render(app);
}
