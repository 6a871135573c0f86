import { useLocation } from 'react-router';

/** The element id the URL's #fragment names ('' when none), for highlighting a deep-linked section. */
export function useHashTarget(): string {
  const { hash } = useLocation();
  if (hash.length < 2) return '';
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}
