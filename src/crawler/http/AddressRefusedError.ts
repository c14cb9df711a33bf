/**
 * A request that the address guard rejected before any connection was made: the URL, the
 * address (an IP address, or the host name when the name alone decided) and the reason.
 */
export class AddressRefusedError extends Error {
  public readonly url: string;
  public readonly address: string;
  public readonly reason: string;

  public constructor(details: { url: string; address: string; reason: string }) {
    super(`Request to [${details.url}] rejected: address [${details.address}] is ${details.reason}`);
    this.name = 'AddressRefusedError';
    this.url = details.url;
    this.address = details.address;
    this.reason = details.reason;
  }
}
