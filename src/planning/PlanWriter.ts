import type { Quad } from 'n3';
import { PodLayout } from '../pod/index.js';
import { SolidDocumentClient, SolidHttpError } from '../solid/index.js';
import { getLogger } from '../util/index.js';
import type { GeneratedPlan, PlanIris } from './GeneratedPlan.js';
import { planToQuads } from './planToQuads.js';
import { PlanningError } from './PlanningError.js';

const logger = getLogger('PlanWriter');

/** Characters allowed in a plan's document name. */
const NAME_PATTERN = /^[A-Za-z0-9._~-]+$/u;

/** URLs of the documents a plan was written to; `agreements` only when the plan has agreements. */
export interface WrittenPlan {
  plan: string;
  commitments: string;
  agreements?: string;
}

/**
 * Writes generated plans to a member pod as Turtle: the plan and its processes to
 * `<storage>/rea/plans/<name>.ttl`, its commitments to `rea/commitments/<name>.ttl` and its
 * agreements to `rea/agreements/<name>.ttl`. Plan with the IRIs of {@link PlanWriter.iris} so the
 * parts already name their documents. Every write is create-only (`If-None-Match: *`), so an
 * existing plan is never overwritten.
 */
export class PlanWriter {
  private readonly client: SolidDocumentClient;
  private readonly layout: PodLayout;

  public constructor(options: { fetch: typeof fetch; storage: string }) {
    this.client = new SolidDocumentClient(options.fetch);
    this.layout = new PodLayout(options.storage);
  }

  /**
   * Returns the IRIs that put a plan named `name` in this pod: `plans/<name>.ttl#plan`,
   * `#process-N`, `commitments/<name>.ttl#commitment-N` and `agreements/<name>.ttl#agreement-N`.
   * Throws a {@link PlanningError} for a name with other characters than letters, digits and `._~-`.
   */
  public iris(name: string): PlanIris {
    if (!NAME_PATTERN.test(name)) {
      throw new PlanningError(`Expected a plan name of letters, digits and ._~- only, got [${name}]`);
    }
    const planDocument = this.document('plans', name);
    const commitments = this.document('commitments', name);
    const agreements = this.document('agreements', name);
    return {
      plan: `${planDocument}#plan`,
      process: (index) => `${planDocument}#process-${index}`,
      commitment: (index) => `${commitments}#commitment-${index}`,
      agreement: (index) => `${agreements}#agreement-${index}`,
    };
  }

  /**
   * Writes the plan's documents and returns their URLs. Throws a {@link PlanningError} when the
   * plan's IRI is not one {@link iris} made for this pod, or when a document already exists.
   */
  public async write(plan: GeneratedPlan): Promise<WrittenPlan> {
    const name = this.nameOf(plan.id);
    const quads = planToQuads(plan);
    const written: WrittenPlan = {
      plan: this.document('plans', name),
      commitments: this.document('commitments', name),
    };
    await this.create(written.plan, quads.plan);
    await this.create(written.commitments, quads.commitments);
    if (quads.agreements.length > 0) {
      written.agreements = this.document('agreements', name);
      await this.create(written.agreements, quads.agreements);
    }
    logger.info({ plan: plan.id, processes: plan.processes.length, commitments: plan.commitments.length }, 'Plan written');
    return written;
  }

  private document(container: 'plans' | 'commitments' | 'agreements', name: string): string {
    return `${this.layout.container(container)}${name}.ttl`;
  }

  private nameOf(planIri: string): string {
    const prefix = this.layout.container('plans');
    const match = /^([A-Za-z0-9._~-]+)\.ttl#plan$/u.exec(planIri.startsWith(prefix) ? planIri.slice(prefix.length) : '');
    if (match?.[1] === undefined) {
      throw new PlanningError(`Expected a plan IRI of the form [${prefix}<name>.ttl#plan], as PlanWriter.iris makes, ` +
        `got [${planIri}]`, planIri);
    }
    return match[1];
  }

  private async create(url: string, quads: Quad[]): Promise<void> {
    try {
      await this.client.put(url, quads, { ifNoneMatch: '*' });
    } catch (error: unknown) {
      if (error instanceof SolidHttpError && error.status === 412) {
        throw new PlanningError(`Document [${url}] already exists, and plans are never overwritten; ` +
          'write the plan under another name', url);
      }
      throw error;
    }
  }
}
