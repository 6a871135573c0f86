/**
 * Notifications carry absolute URLs (for email); in the app we follow them as paths so
 * the router handles them, whatever host PUBLIC_URL names.
 */
export function notificationPath(url: string): string {
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '/';
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return '/';
  }
}

/** "9+" past nine, so the badge stays one or two characters wide. */
export function unreadBadgeText(count: number): string | null {
  if (count <= 0) return null;
  return count > 9 ? '9+' : String(count);
}
