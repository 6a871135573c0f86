import { isIPv4, isIPv6 } from 'node:net';

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  const plain = address.split('%')[0];
  if (!isIPv6(plain)) return null;
  const [head, tail] = plain.includes('::') ? plain.split('::') : [plain, undefined];
  const parse = (part: string | undefined): number[] =>
    (part ? part.split(':') : []).flatMap((group) => {
      if (!group.includes('.')) return [parseInt(group, 16)];
      // A trailing dotted IPv4 part (::ffff:192.0.2.1) is two groups.
      const [a, b, c, d] = group.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  const first = parse(head);
  const last = parse(tail);
  return tail === undefined ? first : [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
}

/**
 * The key a client's requests are counted under in per-address rate limits: its IPv4
 * address, or the /64 network of its IPv6 address (one household or device gets a whole
 * /64, so counting single IPv6 addresses would let anyone step round a limit).
 */
export function addressBucket(address: string | undefined): string {
  if (!address) return 'unknown';
  const groups = ipv6Groups(address);
  if (!groups) return isIPv4(address) ? address : 'unknown';
  // IPv4 written as IPv6 (::ffff:192.0.2.1) is the IPv4 client.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/**
 * Where a request came from, for rate limits. Fastify's `request.ip` reads X-Forwarded-For
 * only from the proxies TRUST_PROXY names (http-app.ts passes it as `trustProxy`); from
 * anyone else that header is ignored, so a client cannot pick its own bucket.
 */
export function clientAddressOf(req: { ip?: string; socket?: { remoteAddress?: string } }): string {
  return addressBucket(req.ip ?? req.socket?.remoteAddress);
}
