/**
 * Where to go after signing in. Only same-site paths: "?next=https://evil.example"
 * or "//evil.example" must not turn the sign-in page into an open redirect.
 */
export function safeReturnPath(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
