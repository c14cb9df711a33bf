import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AddressRefusedError } from './AddressRefusedError.js';

/** Address ranges beyond public unicast that a crawler may reach. */
export interface AddressPolicy {
  /** Allows 127.0.0.0/8, ::1 and `localhost` names (the demo and the tests need this). */
  allowLoopback: boolean;
  /** Allows 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT) and fc00::/7. */
  allowPrivate: boolean;
}

/** Resolves a host name to all of its addresses, as strings. */
export type HostResolver = (hostname: string) => Promise<string[]>;

/** Resolves with `dns.lookup` and `all: true`, so every address the system would use is checked. */
export const systemResolver: HostResolver = async(hostname) => {
  const results = await lookup(hostname, { all: true });
  return results.map((result) => result.address);
};

// Cloud metadata services. 169.254.169.254 is link-local and rejected anyway, but the private
// and carrier-grade NAT addresses here would pass when private ranges are allowed.
const METADATA_ADDRESSES = new Set([ '169.254.169.254', '100.100.100.200', 'fd00:ec2::254' ]);
const METADATA_NAMES = new Set([ 'metadata.google.internal', 'metadata.goog', 'metadata' ]);

/** Outcome of classifying one address: allowed, or rejected with the reason. */
export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Checks the URL of every request before it is sent. Only http and https are accepted. An IP
 * literal is classified directly, because WHATWG URL parsing has already turned decimal, octal
 * and hex IPv4 forms into dotted quads. A host name is resolved and every one of its addresses
 * must be allowed, so a name with one public and one private address is rejected.
 *
 * Always rejected: link-local (169.254/16, fe80::/10), cloud metadata addresses and names,
 * unspecified, broadcast, multicast and reserved ranges. Private ranges need `allowPrivate` and
 * loopback needs `allowLoopback`. IPv4-mapped, NAT64 (64:ff9b::/96) and 6to4 IPv6 addresses are
 * judged by the IPv4 address they embed.
 *
 * NOTE: the fetch that follows resolves the name again, so a DNS server that answers differently
 * the second time (DNS rebinding) is not caught; pinning the checked address needs a connector.
 */
export class AddressGuard {
  private readonly policy: AddressPolicy;
  private readonly resolve: HostResolver;

  public constructor(policy: AddressPolicy, resolver: HostResolver = systemResolver) {
    this.policy = policy;
    this.resolve = resolver;
  }

  /**
   * Resolves when a request to `url` is allowed. Throws an {@link AddressRefusedError} when it is
   * not, and passes on the resolver's error when the name cannot be resolved.
   */
  public async check(url: string | URL): Promise<void> {
    const href = String(url);
    const parsed = URL.canParse(href) ? new URL(href) : undefined;
    if (parsed === undefined) {
      throw new AddressRefusedError({ url: href, address: href, reason: 'not a valid absolute URL' });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new AddressRefusedError({
        url: href, address: parsed.protocol, reason: 'not reachable by the crawler, which uses only http: and https:',
      });
    }
    const host = normalizeHost(parsed.hostname);
    if (ipaddr.isValid(host)) {
      this.assertAllowed(href, host);
      return;
    }
    this.assertNameAllowed(href, host);
    const addresses = await this.resolve(host);
    if (addresses.length === 0) {
      throw new AddressRefusedError({ url: href, address: host, reason: 'a name that resolved to no address' });
    }
    for (const address of addresses) {
      this.assertAllowed(href, address);
    }
  }

  /** Classifies one IP address under this guard's policy. */
  public classify(address: string): AddressVerdict {
    if (!ipaddr.isValid(address)) {
      return { allowed: false, reason: 'not a valid IP address' };
    }
    const parsed = ipaddr.process(address);
    if (METADATA_ADDRESSES.has(parsed.toNormalizedString()) || METADATA_ADDRESSES.has(parsed.toString())) {
      return { allowed: false, reason: 'a cloud metadata address' };
    }
    if (parsed.kind() === 'ipv4') {
      return this.classifyRange(parsed.range());
    }
    const embedded = embeddedIpv4(parsed as ipaddr.IPv6);
    if (embedded !== undefined) {
      return this.classify(embedded);
    }
    return this.classifyRange(parsed.range());
  }

  private classifyRange(range: string): AddressVerdict {
    if (range === 'unicast') {
      return { allowed: true };
    }
    if (range === 'loopback') {
      return this.policy.allowLoopback ?
        { allowed: true } :
        { allowed: false, reason: 'a loopback address and allowLoopback is off' };
    }
    if (range === 'private' || range === 'carrierGradeNat' || range === 'uniqueLocal') {
      return this.policy.allowPrivate ?
        { allowed: true } :
        { allowed: false, reason: `a private address (${range}) and allowPrivate is off` };
    }
    if (range === 'linkLocal') {
      return { allowed: false, reason: 'a link-local address' };
    }
    return { allowed: false, reason: `in the special-purpose range [${range}]` };
  }

  private assertAllowed(url: string, address: string): void {
    const verdict = this.classify(address);
    if (!verdict.allowed) {
      throw new AddressRefusedError({ url, address, reason: verdict.reason });
    }
  }

  private assertNameAllowed(url: string, host: string): void {
    if (METADATA_NAMES.has(host)) {
      throw new AddressRefusedError({ url, address: host, reason: 'a cloud metadata host name' });
    }
    // RFC 6761 reserves localhost and every name under it for loopback.
    const isLocalhost = host === 'localhost' || host.endsWith('.localhost');
    if (isLocalhost && !this.policy.allowLoopback) {
      throw new AddressRefusedError({ url, address: host, reason: 'a loopback name and allowLoopback is off' });
    }
  }
}

/** Lower-cases the host, strips IPv6 brackets and one trailing dot of a fully qualified name. */
function normalizeHost(hostname: string): string {
  const lower = hostname.toLowerCase();
  const unbracketed = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  return unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
}

/** Returns the IPv4 address embedded in an IPv6 translation or tunnel address, if any. */
function embeddedIpv4(address: ipaddr.IPv6): string | undefined {
  const parts = address.parts;
  const range = address.range();
  const fromWords = (high: number, low: number): string =>
    [ high >> 8, high & 0xff, low >> 8, low & 0xff ].join('.');
  // ::ffff:0:a.b.c.d (RFC 6145) and the well-known NAT64 prefix 64:ff9b::/96 (RFC 6052).
  const isWellKnownNat64 = range === 'rfc6052' && parts[1] === 0xff9b && parts[2] === 0;
  if (range === 'rfc6145' || isWellKnownNat64) {
    return fromWords(parts[6] ?? 0, parts[7] ?? 0);
  }
  // 2002:AABB:CCDD::/48 carries a.b.c.d in its second and third words (RFC 3056).
  if (range === '6to4') {
    return fromWords(parts[1] ?? 0, parts[2] ?? 0);
  }
  return undefined;
}
