import type { Quad } from 'n3';
import { parseRdf } from '../rdf/index.js';
import { LDP } from '../vocab/index.js';
import { isSourceFailure } from './DocumentSource.js';
import type { DocumentSource } from './DocumentSource.js';
import { linkTargets } from './LinkHeader.js';
import type { PodBudget } from './PodBudget.js';

/** A container waiting to be listed, with its registered root and its level below that root. */
interface QueuedContainer {
  url: string;
  root: string;
  depth: number;
}

/**
 * Lists the documents of a pod's registered containers, breadth first, through `ldp:contains`.
 * A container served in pages is read page by page, following `Link: <…>; rel="next"`. Only
 * links inside the registered container are followed. Depth, document count and time are
 * bounded by the pod's {@link PodBudget}.
 */
export class ContainerWalker {
  public constructor(private readonly source: DocumentSource, private readonly budget: PodBudget) {}

  /** Returns the URLs of the registered documents and of the documents in the containers. */
  public async listDocuments(containers: string[], instances: string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const instance of instances) {
      if (!this.budget.hasRoomFor(found.size)) {
        return [...found];
      }
      found.add(instance);
    }
    const queue: QueuedContainer[] = containers.map((url) => ({ url, root: url, depth: 0 }));
    const visited = new Set<string>();
    while (queue.length > 0 && this.budget.hasTime()) {
      const container = queue.shift()!;
      if (visited.has(container.url)) {
        continue;
      }
      visited.add(container.url);
      const children = await this.listContainer(container);
      for (const child of children) {
        if (child.endsWith('/')) {
          this.queueChild(queue, container, child);
        } else if (!found.has(child)) {
          if (!this.budget.hasRoomFor(found.size)) {
            return [...found];
          }
          found.add(child);
        }
      }
    }
    return [...found];
  }

  private queueChild(queue: QueuedContainer[], parent: QueuedContainer, child: string): void {
    if (parent.depth >= this.budget.bounds.maxContainerDepth) {
      this.budget.tooDeep(child);
      return;
    }
    queue.push({ url: child, root: parent.root, depth: parent.depth + 1 });
  }

  /** Reads every page of one container and returns its children inside the registered root, sorted. */
  private async listContainer(container: QueuedContainer): Promise<string[]> {
    const children = new Set<string>();
    const pages = new Set<string>();
    let page: string | undefined = container.url;
    while (page !== undefined && this.budget.hasTime()) {
      pages.add(page);
      const quads = await this.readPage(page);
      if (quads === undefined) {
        break;
      }
      for (const child of containedIn(quads.quads, [container.url, page])) {
        if (child.startsWith(container.root) && child !== container.url) {
          children.add(child);
        } else {
          this.budget.errors.push({ url: child, status: 0, kind: 'outside', message:
            `Skipped a link in [${page}] outside the registered container [${container.root}]` });
        }
      }
      page = this.nextPage(quads.next, container, pages);
    }
    return [...children].sort();
  }

  private nextPage(next: string[], container: QueuedContainer, pages: Set<string>): string | undefined {
    const target = next[0];
    if (target === undefined || pages.has(target)) {
      return undefined;
    }
    if (!target.startsWith(container.root)) {
      this.budget.incomplete({ url: target, status: 0, kind: 'outside', message:
        `Skipped a next page of [${container.url}] outside the registered container [${container.root}]` });
      return undefined;
    }
    return target;
  }

  private async readPage(url: string): Promise<{ quads: Quad[]; next: string[] } | undefined> {
    const outcome = await this.source.fetchDocument(url);
    if (isSourceFailure(outcome)) {
      const { status, kind, message } = outcome;
      this.budget.incomplete({ url: outcome.url, status, kind, message });
      return undefined;
    }
    try {
      const parsed = await parseRdf(outcome.body, { source: url, contentType: outcome.contentType || undefined });
      return { quads: parsed.quads, next: linkTargets(outcome.link, 'next', url) };
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      this.budget.incomplete({ url, status: 200, kind: 'parse', message });
      return undefined;
    }
  }
}

/** Returns the `ldp:contains` objects of any of the subjects (the container and the page). */
function containedIn(quads: Quad[], subjects: string[]): string[] {
  return quads.filter((quad) => quad.predicate.equals(LDP.contains) && subjects.includes(quad.subject.value) &&
    quad.object.termType === 'NamedNode').map((quad) => quad.object.value);
}
