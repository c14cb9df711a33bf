/** A request whose redirects led back to a URL already requested in the same chain. */
export class RedirectLoopError extends Error {
  public readonly url: string;
  /** Every URL requested, starting with the original one and ending with the repeated one. */
  public readonly chain: string[];

  public constructor(details: { url: string; chain: string[] }) {
    super(`Request to [${details.url}] was redirected in a loop: [${details.chain.join(' -> ')}]`);
    this.name = 'RedirectLoopError';
    this.url = details.url;
    this.chain = details.chain;
  }
}
