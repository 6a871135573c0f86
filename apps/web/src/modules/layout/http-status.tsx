import { createContext, useContext } from 'react';
import { Navigate } from 'react-router';

/**
 * What the server answers for the page being rendered: a page that finds nothing to show
 * says 404 here, so a crawler or a link preview is told the truth instead of "200, Not
 * found". Only the server renderer provides one; in the browser it is absent.
 */
export interface HttpStatus {
  code: number;
  /** Where a 301 points. */
  location?: string;
}

export const HttpStatusContext = createContext<HttpStatus | null>(null);

/** Sets the status the server answers with; does nothing in the browser. */
export function useHttpStatus(code: number): void {
  const status = useContext(HttpStatusContext);
  // Written during render: the server renders once per request and reads it after.
  if (status) status.code = code;
}

/**
 * This thing lives at another address for good (a tag typed "Social_Media" is
 * social-media): the server answers 301 so links and search engines move to it; the
 * browser replaces the address.
 */
export function PermanentRedirect({ to }: { to: string }) {
  const status = useContext(HttpStatusContext);
  if (!status) return <Navigate to={to} replace />;
  status.code = 301;
  status.location = to;
  return null;
}
