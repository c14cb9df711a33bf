import type { CrawlError } from './CrawlReport.js';

/** Bounds of one pod crawl. */
export interface PodBounds {
  /** Documents listed per pod at most; containers do not count. */
  maxDocuments: number;
  /** Levels of sub-containers walked below a registered container. */
  maxContainerDepth: number;
  /** Wall time of one pod crawl in milliseconds. */
  maxPodMs: number;
}

/**
 * The limits and the error list of one pod crawl. Each bound that is hit becomes one `bound`
 * error, so a crawl never stops short silently.
 */
export class PodBudget {
  public readonly errors: CrawlError[] = [];
  /** False once a listing or a required document could not be read, so some documents may be missing. */
  public complete = true;
  private readonly deadline: number;
  private timeReported = false;
  private documentsReported = false;

  public constructor(
    public readonly webId: string,
    public readonly bounds: PodBounds,
    private readonly now: () => number,
  ) {
    this.deadline = now() + bounds.maxPodMs;
  }

  /** Returns false, and reports the time bound once, when the pod's time is up. */
  public hasTime(): boolean {
    if (this.now() < this.deadline) {
      return true;
    }
    if (!this.timeReported) {
      this.timeReported = true;
      this.bound(`The crawl of the pod stopped after the time limit of [${this.bounds.maxPodMs}] ms`);
    }
    return false;
  }

  /** Returns false, and reports the document bound once, when `count` documents are already listed. */
  public hasRoomFor(count: number): boolean {
    if (count < this.bounds.maxDocuments) {
      return true;
    }
    if (!this.documentsReported) {
      this.documentsReported = true;
      this.bound(`The crawl of the pod stopped listing after [${this.bounds.maxDocuments}] documents, the limit per pod`);
    }
    return false;
  }

  /** Reports a sub-container left unread because it is deeper than the depth limit. */
  public tooDeep(container: string): void {
    this.errors.push({ url: container, status: 0, kind: 'bound', message:
      `Skipped a container deeper than the limit of [${this.bounds.maxContainerDepth}] levels below its registered container` });
    this.complete = false;
  }

  /** Records an error that leaves the listing of the pod incomplete. */
  public incomplete(error: CrawlError): void {
    this.errors.push(error);
    this.complete = false;
  }

  private bound(message: string): void {
    this.errors.push({ url: this.webId, status: 0, kind: 'bound', message });
    this.complete = false;
  }
}
