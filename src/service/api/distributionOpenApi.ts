/**
 * The OpenAPI 3.1 schemas and paths of the distribution routes (see `createDistributionRouter`),
 * merged into the service's document. Schemas refer to the shared `ProblemDocument` component.
 */

const nullableString = { type: ['string', 'null'] };
const decimal = { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', description: 'An exact decimal, never a binary float' };
const strings = { type: 'array', items: { type: 'string' } };
const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, unknown>): Record<string, unknown> => ({
  type: 'object', required: Object.keys(properties), properties,
});
const problem = (description: string): Record<string, unknown> => ({
  description, content: { 'application/problem+json': { schema: ref('ProblemDocument') } },
});

/** Schemas of the distribution routes. */
export const DISTRIBUTION_SCHEMAS = {
  DistributionRequest: {
    type: 'object', required: ['equation', 'amount'],
    properties: {
      equation: { type: 'string', description: 'IRI of an oce:ValueEquation in the crawled data' },
      amount: { ...decimal, description: 'Amount to distribute, a decimal string of 0 or more such as "1000.00"' },
      currency: { ...nullableString, description: 'IRI of the currency\'s resource specification; a committed run needs it' },
      scale: { type: 'integer', minimum: 0, maximum: 18, description: 'Digits of the currency\'s minor unit; 2 when absent' },
    },
  },
  DistributionLine: object({
    agent: { type: 'string' }, rule: nullableString, ruleLabel: nullableString, claim: { type: 'string' },
    claimKind: { enum: ['debtLike', 'equityLike', 'oneOff'] }, events: strings, hours: decimal, value: decimal,
    passedBack: decimal, share: decimal, payout: decimal, limit: nullableString,
  }),
  Distribution: object({
    equation: { type: 'string' }, amount: decimal, currency: nullableString,
    payouts: { type: 'array', items: object({ agent: { type: 'string' }, amount: decimal }) },
    buckets: {
      type: 'array',
      items: object({
        id: { type: 'string' }, label: nullableString, target: decimal, amount: decimal,
        lines: { type: 'array', items: ref('DistributionLine') },
      }),
    },
    undistributed: decimal,
    subDistributions: {
      type: 'array', items: object({ agent: { type: 'string' }, result: ref('Distribution') }),
    },
    notes: strings,
  }),
  CommittedRun: object({
    run: { type: 'string', description: 'IRI of the oce:DistributionRun' },
    document: { type: 'string', format: 'uri' },
    runTime: { type: 'string', format: 'date-time' },
    payouts: {
      type: 'array',
      items: object({ agent: { type: 'string' }, amount: decimal, claim: { type: 'string' }, event: { type: 'string' } }),
    },
    undistributed: decimal,
    notices: {
      type: 'array',
      items: object({
        agent: { type: 'string' }, inbox: nullableString, notice: nullableString,
        status: { type: 'string', description: '`notified`, or why not, such as `not notified: no inbox`' },
      }),
    },
    result: ref('Distribution'),
  }),
  Payout: object({
    event: { type: 'string' }, provider: nullableString, receiver: { type: 'string' }, claims: strings,
    quantity: decimal, unit: { type: 'string' }, specification: nullableString, time: nullableString,
    provenance: ref('Provenance'),
  }),
  RunSummary: object({
    id: { type: 'string' }, document: { type: 'string' }, equation: nullableString, runTime: nullableString,
    amount: { ...nullableString }, currency: nullableString, undistributed: nullableString,
    payouts: {
      type: 'array',
      items: object({ agent: nullableString, amount: nullableString, claim: { type: 'string' }, events: strings }),
    },
  }),
};

const requestBody = { required: true, content: { 'application/json': { schema: ref('DistributionRequest') } } };
const bodyErrors = {
  400: problem('The body is not a JSON object, or a field is missing or malformed; `parameter` names the field'),
  413: problem('The body is larger than 16 KB'),
  415: problem('The body is not `application/json`, or its charset or content coding is not supported'),
  422: problem('The equation is unknown or rejected: it allocates more than the amount, or a formula fails'),
  503: problem('The first crawl has not finished yet, or committed runs are not configured'),
};

/** Paths of the distribution routes. */
export const DISTRIBUTION_PATHS = {
  '/api/distributions/dry-run': {
    post: {
      operationId: 'distributionDryRun',
      summary: 'Run a value equation over the latest crawl and explain every payout; nothing is written',
      requestBody,
      responses: {
        200: {
          description: 'The explained run',
          content: {
            'application/json': {
              schema: { allOf: [ref('Distribution'), object({ dryRun: { const: true } })] },
            },
          },
        },
        ...bodyErrors,
      },
    },
  },
  '/api/distributions': {
    get: {
      operationId: 'distributionRuns',
      summary: 'Committed runs found in the crawled data, by run time',
      responses: {
        200: {
          description: 'The runs',
          content: { 'application/json': { schema: object({ runs: { type: 'array', items: ref('RunSummary') } }) } },
        },
        503: problem('The first crawl has not finished yet'),
      },
    },
    post: {
      operationId: 'commitDistribution',
      summary: 'Commit a run: write it with its payouts to the distributing agent\'s pod and tell the payees',
      requestBody,
      responses: {
        201: {
          description: 'The run was written; `Location` is its document',
          content: { 'application/json': { schema: ref('CommittedRun') } },
        },
        401: problem('The caller is not authenticated'),
        403: problem('The caller may not commit runs, or no authorization is configured'),
        ...bodyErrors,
      },
    },
  },
};
