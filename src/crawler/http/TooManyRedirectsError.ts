/** A request whose redirects went on past the maximum number of hops. */
export class TooManyRedirectsError extends Error {
  public readonly url: string;
  public readonly maxRedirects: number;
  /** Every URL requested, starting with the original one. */
  public readonly chain: string[];

  public constructor(details: { url: string; maxRedirects: number; chain: string[] }) {
    super(`Request to [${details.url}] was redirected more than [${details.maxRedirects}] times: ` +
      `[${details.chain.join(' -> ')}]`);
    this.name = 'TooManyRedirectsError';
    this.url = details.url;
    this.maxRedirects = details.maxRedirects;
    this.chain = details.chain;
  }
}
