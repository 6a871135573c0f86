import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/**
 * True while React renders on the server or hydrates the server's HTML, false in every
 * client render after that (React renders once more when hydration ends): what only the
 * browser knows, such as the URL's #fragment, waits for that render, so hydration finds
 * exactly what the server wrote.
 */
export function useRendersServerHtml(): boolean {
  return useSyncExternalStore(noSubscription, () => false, () => true);
}
