/**
 * The OpenAPI 3.1 description of the service's JSON API, served at `/api/openapi.json`. Schemas are
 * JSON Schema 2020-12; tests check every response of the API against them.
 */

import { DISTRIBUTION_PATHS, DISTRIBUTION_SCHEMAS } from './distributionOpenApi.js';

const nullableString = { type: ['string', 'null'] };
const decimal = { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', description: 'An exact decimal, never a binary float' };
const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'object', required: Object.keys(properties), properties, ...extra,
});

const schemas = {
  Quantity: object({ value: decimal, unit: { type: 'string' } }),
  NullableQuantity: { oneOf: [ref('Quantity'), { type: 'null' }] },
  Provenance: object({
    figure: { type: 'string', description: 'Key of the figure within its view; pass it as `figure` to list its events' },
    eventCount: { type: 'integer', minimum: 0 },
    documents: { type: 'array', items: { type: 'string' }, description: 'Documents stating the events (and the resource)' },
    events: { type: 'string', format: 'uri', description: 'Link listing the events behind the figure' },
  }),
  Problem: object({
    severity: { enum: ['error', 'warning'] }, message: { type: 'string' }, subject: nullableString, source: nullableString,
  }),
  ProblemDocument: {
    type: 'object',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string', format: 'uri' }, title: { type: 'string' }, status: { type: 'integer' },
      detail: { type: 'string' }, parameter: { type: 'string' },
    },
  },
  ScopeLink: object({ id: { type: 'string' }, view: { type: ['string', 'null'], format: 'uri' } }),
  Scope: object({
    id: { type: 'string' },
    kind: { enum: ['network', 'organization', 'project', 'person'] },
    name: nullableString,
    view: { type: 'string', format: 'uri' },
    parents: { type: 'array', items: ref('ScopeLink') },
    children: { type: 'array', items: ref('ScopeLink') },
  }),
  HeldResource: object({
    id: { type: 'string' }, name: nullableString, conformsTo: nullableString,
    accountingQuantity: ref('NullableQuantity'), onhandQuantity: ref('NullableQuantity'),
    primaryAccountable: nullableString, custodian: nullableString, currentLocation: nullableString,
    disagreements: {
      type: 'array',
      items: object({
        field: { enum: ['accountingQuantity', 'onhandQuantity'] }, stated: ref('Quantity'),
        derived: ref('NullableQuantity'), source: { type: 'string' },
      }),
    },
    provenance: ref('Provenance'),
  }),
  ContributionTotal: object({
    kind: { enum: ['work', 'resource', 'money', 'equipmentUse', 'citation', 'service'] },
    unit: { type: 'string' }, specification: nullableString, quantity: decimal, provenance: ref('Provenance'),
  }),
  Contribution: {
    allOf: [ref('ContributionTotal'), object({ agent: { type: 'string' } })],
  },
  Flow: object({
    direction: { enum: ['in', 'out'] }, action: { type: 'string' }, unit: { type: 'string' },
    specification: nullableString, quantity: decimal, provenance: ref('Provenance'),
  }),
  Balance: object({
    unit: { type: 'string' }, specification: nullableString, in: decimal, out: decimal, net: decimal,
    provenance: ref('Provenance'),
  }),
  View: object({
    scope: ref('Scope'),
    includes: { type: 'array', items: { type: 'string' } },
    period: object({ from: nullableString, to: nullableString, scope: nullableString }),
    counts: object({ events: { type: 'integer' }, processes: { type: 'integer' } }),
    links: object({ events: { type: 'string', format: 'uri' }, processes: { type: 'string', format: 'uri' } }),
    inventory: { type: 'array', items: ref('HeldResource') },
    contributions: { type: 'array', items: ref('Contribution') },
    contributionTotals: { type: 'array', items: ref('ContributionTotal') },
    flows: { type: 'array', items: ref('Flow') },
    balances: { type: 'array', items: ref('Balance') },
    payouts: { type: 'array', items: ref('Payout') },
    problems: { type: 'array', items: ref('Problem') },
  }),
  Event: object({
    id: { type: 'string' }, action: { type: 'string' }, provider: nullableString, receiver: nullableString,
    resourceInventoriedAs: nullableString, toResourceInventoriedAs: nullableString, resourceConformsTo: nullableString,
    resourceQuantity: ref('NullableQuantity'), effortQuantity: ref('NullableQuantity'), time: nullableString,
    inputOf: nullableString, outputOf: nullableString, corrects: nullableString, source: { type: 'string' },
    link: { type: 'string', format: 'uri' },
  }),
  Process: object({
    id: { type: 'string' }, name: nullableString, basedOn: nullableString,
    classifiedAs: { type: 'array', items: { type: 'string' } }, inScopeOf: { type: 'array', items: { type: 'string' } },
    hasBeginning: nullableString, hasEnd: nullableString, finished: { type: ['boolean', 'null'] }, source: { type: 'string' },
  }),
  FlowNode: object({ id: { type: 'string' }, kind: { enum: ['EconomicEvent', 'EconomicResource', 'Process'] } }),
  FlowEdge: {
    type: 'object', required: ['from', 'to'],
    properties: { from: { type: 'string' }, to: { type: 'string' }, action: { type: 'string' } },
  },
  Truncation: {
    oneOf: [object({ maxDepth: { type: 'integer' }, cutAt: { type: 'array', items: { type: 'string' } } }), { type: 'null' }],
  },
  Flows: object({
    start: { type: 'string' }, order: { enum: ['reference', 'plain'] }, flows: { type: 'array', items: ref('FlowNode') },
    edges: { type: 'array', items: ref('FlowEdge') }, truncated: ref('Truncation'),
  }),
  FlowGraph: object({
    start: { type: 'string' },
    nodes: {
      type: 'array',
      items: {
        allOf: [ref('FlowNode'), object({ label: nullableString, link: { type: ['string', 'null'], format: 'uri' } })],
      },
    },
    edges: { type: 'array', items: ref('FlowEdge') },
    truncated: ref('Truncation'),
  }),
  EventPage: object({
    total: { type: 'integer' }, items: { type: 'array', items: ref('Event') }, next: { type: ['string', 'null'], format: 'uri' },
  }),
  ProcessPage: object({
    total: { type: 'integer' }, items: { type: 'array', items: ref('Process') }, next: { type: ['string', 'null'], format: 'uri' },
  }),
};

const parameter = (name: string, description: string, required = false): Record<string, unknown> => ({
  name, in: 'query', required, description, schema: { type: 'string' },
});

const periodParameters = [
  parameter('from', 'Start of the period, inclusive: an ISO 8601 date or date-time (UTC without an offset)'),
  parameter('to', 'End of the period, exclusive; inventories are as at this instant'),
  parameter('scope', 'IRI of a scope: only events and contributions within it and its sub-scopes count'),
];
const pageParameters = [
  parameter('limit', 'Items per page, 1 to 1000; 100 when absent'),
  parameter('cursor', 'The cursor of the previous page, taken from its `next` link'),
];

const problemResponse = (description: string): Record<string, unknown> => ({
  description, content: { 'application/problem+json': { schema: ref('ProblemDocument') } },
});
const errors = {
  400: problemResponse('A parameter is missing or malformed; `parameter` names it'),
  404: problemResponse('No scope, figure or event of that IRI or kind'),
  503: problemResponse('The first crawl has not finished yet'),
};
const json = (schema: unknown, description: string): Record<string, unknown> => ({
  200: { description, content: { 'application/json': { schema } } }, ...errors,
});

function viewPaths(kind: string): Record<string, unknown> {
  const id = parameter('id', `IRI of the ${kind}${kind === 'network' ? '; the first network when absent' : ''}`,
    kind !== 'network');
  return {
    [`/api/views/${kind}`]: {
      get: {
        operationId: `${kind}View`,
        summary: `Accounting view of a ${kind} and everything below it`,
        parameters: [id, ...periodParameters],
        responses: json(ref('View'), 'The view; every figure links to its events'),
      },
    },
    [`/api/views/${kind}/events`]: {
      get: {
        operationId: `${kind}Events`,
        summary: `Events of a ${kind}'s view, in replay order, or those behind one figure`,
        parameters: [id, ...periodParameters, parameter('figure', 'A figure key from a provenance object'), ...pageParameters],
        responses: { ...json(ref('EventPage'), 'One page of events'), 410: problemResponse('The cursor\'s item is gone') },
      },
    },
    [`/api/views/${kind}/processes`]: {
      get: {
        operationId: `${kind}Processes`,
        summary: `Processes of a ${kind}'s view, by IRI`,
        parameters: [id, ...periodParameters, ...pageParameters],
        responses: { ...json(ref('ProcessPage'), 'One page of processes'), 410: problemResponse('The cursor\'s item is gone') },
      },
    },
  };
}

function flowPaths(direction: string, meaning: string): Record<string, unknown> {
  const parameters = [
    parameter('id', 'IRI of the event, resource or process to start from', true),
    parameter('order', '`reference` (depth-first by event time, the default) or `plain` (breadth-first by IRI)'),
    parameter('depth', 'Greatest number of steps from the start; 1000 when absent. A cut is reported in `truncated`'),
  ];
  return {
    [`/api/${direction}`]: {
      get: {
        operationId: direction, summary: `Value flows ${meaning}, start node first`, parameters,
        responses: json(ref('Flows'), 'The flows in walk order'),
      },
    },
    [`/api/${direction}/graph`]: {
      get: {
        operationId: `${direction}Graph`, summary: `Value flows ${meaning}, as labelled nodes and edges for drawing`, parameters,
        responses: json(ref('FlowGraph'), 'The nodes and edges'),
      },
    },
  };
}

const quantityTotal = (fields: Record<string, unknown>): Record<string, unknown> => ({
  type: 'array', items: object({ resourceConformsTo: nullableString, ...fields }),
});
const page = (name: string, items: unknown): Record<string, unknown> => object({
  scope: nullableString, total: { type: 'integer', minimum: 0 }, [name]: { type: 'array', items },
  next: { type: ['string', 'null'], format: 'uri' },
});

/** Schemas of the planning and coordination routes. */
const planningSchemas = {
  FlowProgress: object({
    id: { type: 'string' }, kind: { enum: ['commitment', 'intent', 'claim'] }, action: { type: 'string' },
    resourceConformsTo: nullableString, resourceInventoriedAs: nullableString, provider: nullableString,
    receiver: nullableString, due: nullableString, quantity: ref('NullableQuantity'),
    met: { ...decimal, description: 'Quantity met so far, in the unit of `quantity`' },
    remaining: { ...decimal, description: 'Quantity still to come, in the unit of `quantity`; "0" when done' },
    status: { enum: ['done', 'late', 'partial', 'needed'] },
    metBy: { type: 'array', items: { type: 'string' }, description: 'Events (and for intents, commitments) that met it' },
    plans: { type: 'array', items: { type: 'string' } },
    scopes: { type: 'array', items: { type: 'string' }, description: '`vf:inScopeOf` of the flow\'s process' },
  }),
  StatusSummary: object({
    id: { type: 'string', description: 'IRI of the plan, agent or scope' },
    counts: object({
      done: { type: 'integer' }, late: { type: 'integer' }, partial: { type: 'integer' }, needed: { type: 'integer' },
    }),
    remaining: quantityTotal({ resourceInventoriedAs: nullableString, unit: { type: 'string' }, remaining: decimal }),
  }),
  Coordination: object({
    now: { type: 'string', format: 'date-time' }, scope: nullableString, plan: nullableString, agent: nullableString,
    total: { type: 'integer', minimum: 0 }, flows: { type: 'array', items: ref('FlowProgress') },
    next: { type: ['string', 'null'], format: 'uri' },
    byPlan: { type: 'array', items: ref('StatusSummary') },
    byAgent: { type: 'array', items: ref('StatusSummary') },
    byScope: { type: 'array', items: ref('StatusSummary'), description: 'Each scope with the flows within it and below it' },
    problems: { type: 'array', items: ref('Problem') },
  }),
  NeedMatches: object({
    need: { type: 'string' }, action: { type: 'string' }, resourceConformsTo: nullableString,
    quantity: ref('NullableQuantity'),
    offers: {
      type: 'array',
      items: object({
        offer: { type: 'string' }, proposals: { type: 'array', items: { type: 'string' } },
        reciprocal: { type: 'array', items: { type: 'string' } }, matchedBy: { enum: ['specification', 'classification'] },
        quantity: ref('NullableQuantity'), coverage: { enum: ['full', 'partial'] },
      }),
    },
  }),
  AgreementSide: object({
    commitments: { type: 'array', items: { type: 'string' } }, events: { type: 'array', items: { type: 'string' } },
    totals: quantityTotal({ unit: { type: 'string' }, committed: decimal, realized: decimal, outstanding: decimal }),
  }),
  AgreementBalance: object({
    agreement: { type: 'string' }, name: nullableString, primary: ref('AgreementSide'), reciprocal: ref('AgreementSide'),
  }),
  DryRunRequest: {
    type: 'object', required: ['recipe', 'quantity', 'due'], additionalProperties: false,
    properties: {
      recipe: { type: 'string', description: 'IRI of a vf:Recipe, a vf:RecipeProcess or a resource specification' },
      quantity: { ...decimal, description: 'Quantity to make in the unit of the recipe output, as a decimal string' },
      due: { type: 'string', description: 'When the output is due, an xsd:dateTime' },
      name: { type: 'string', description: 'Name of the plan' },
    },
  },
  Plan: object({
    plan: object({ id: { type: 'string' }, name: nullableString, due: { type: 'string' } }),
    processes: {
      type: 'array',
      items: object({
        id: { type: 'string' }, name: nullableString, basedOn: nullableString, recipeProcess: { type: 'string' },
        hasBeginning: { type: 'string' }, hasEnd: { type: 'string' },
      }),
    },
    commitments: {
      type: 'array',
      items: object({
        id: { type: 'string' }, action: { type: 'string' }, resourceConformsTo: nullableString,
        resourceClassifiedAs: { type: 'array', items: { type: 'string' } },
        resourceQuantity: ref('NullableQuantity'), effortQuantity: ref('NullableQuantity'), stage: nullableString,
        state: nullableString, due: { type: 'string' }, inputOf: nullableString, outputOf: nullableString,
        independentDemandOf: nullableString, clauseOf: nullableString, reciprocalClauseOf: nullableString,
        recipeFlow: { type: 'string' },
      }),
    },
    agreements: {
      type: 'array', items: object({ id: { type: 'string' }, name: nullableString, recipeExchange: { type: 'string' } }),
    },
    demands: {
      type: 'array',
      items: object({
        resourceConformsTo: { type: 'string' }, stage: nullableString, quantity: ref('Quantity'), due: { type: 'string' },
        neededBy: nullableString, fromInventory: decimal, remaining: decimal, producedBy: nullableString,
        stillNeeded: { ...decimal, description: 'What neither inventory nor a planned process covers' },
      }),
    },
    problems: { type: 'array', items: ref('Problem') },
  }),
};

const scopeParameter = parameter('scope', 'IRI of a network, organization, project or person: only what belongs to it ' +
  'or to a scope below it');
const goneResponse = { 410: problemResponse('The cursor\'s item is gone') };

/** Paths of the planning and coordination routes. */
const planningPaths: Record<string, unknown> = {
  '/api/plans/dry-run': {
    post: {
      operationId: 'planDryRun',
      summary: 'Explode a recipe backward from a demand into a plan, netted against inventory; nothing is written',
      requestBody: { required: true, content: { 'application/json': { schema: ref('DryRunRequest') } } },
      responses: {
        200: { description: 'The plan', content: { 'application/json': { schema: ref('Plan') } } },
        400: problemResponse('A body field is missing or malformed; `parameter` names the field'),
        405: problemResponse('Only POST is allowed'),
        413: problemResponse('The body is too large'),
        415: problemResponse('The body is not JSON'),
        422: problemResponse('No plan can be built: an unknown recipe, a recipe cycle, a duration without exact length'),
        503: errors[503],
      },
    },
  },
  '/api/coordination': {
    get: {
      operationId: 'coordination',
      summary: 'Status of commitments, intents and claims, with summaries per plan, agent and scope',
      parameters: [
        scopeParameter, parameter('plan', 'IRI of a plan: only its flows'),
        parameter('agent', 'IRI of an agent: only the flows it provides or receives'),
        parameter('now', 'The instant that decides lateness, an xsd:dateTime; the time of the request when absent'),
        ...pageParameters,
      ],
      responses: { ...json(ref('Coordination'), 'One page of flows, and summaries of all of them'), ...goneResponse },
    },
  },
  '/api/offers-and-needs': {
    get: {
      operationId: 'offersAndNeeds',
      summary: 'Needs of the scope matched to offers from the whole network',
      parameters: [scopeParameter, ...pageParameters],
      responses: { ...json(page('needs', ref('NeedMatches')), 'One page of needs'), ...goneResponse },
    },
  },
  '/api/agreements': {
    get: {
      operationId: 'agreements',
      summary: 'Agreements with the committed, realized and outstanding quantities of both sides',
      parameters: [scopeParameter, ...pageParameters],
      responses: { ...json(page('agreements', ref('AgreementBalance')), 'One page of agreements'), ...goneResponse },
    },
  },
};

/** The OpenAPI document itself. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Open Cooperative Ecosystem aggregator API',
    version: '1',
    description: 'Accounting views of a cooperative network computed from the ValueFlows data in its members\' Solid ' +
      'pods. Quantities are exact decimals written as strings. Errors are RFC 9457 problem documents.',
  },
  paths: {
    '/api/scopes': {
      get: {
        operationId: 'scopes',
        summary: 'Every network, organization, project and person the crawled data names',
        parameters: periodParameters,
        responses: json(object({ network: { type: 'string' }, scopes: { type: 'array', items: ref('Scope') } }), 'The scopes'),
      },
    },
    ...viewPaths('network'),
    ...viewPaths('organization'),
    ...viewPaths('project'),
    ...viewPaths('person'),
    '/api/events': {
      get: {
        operationId: 'event',
        summary: 'One event, the document stating it, and the corrections of it',
        parameters: [parameter('id', 'IRI of the event', true)],
        responses: json({
          allOf: [ref('Event'), object({ correctedBy: { type: 'array', items: { type: 'string', format: 'uri' } } })],
        }, 'The event'),
      },
    },
    ...flowPaths('trace', 'backward, toward where value came from'),
    ...flowPaths('track', 'forward, toward where value went'),
    ...planningPaths,
    ...DISTRIBUTION_PATHS,
    '/api/openapi.json': {
      get: {
        operationId: 'openApi',
        summary: 'This description',
        responses: { 200: { description: 'The OpenAPI document', content: { 'application/json': {} } } },
      },
    },
  },
  components: { schemas: { ...schemas, ...planningSchemas, ...DISTRIBUTION_SCHEMAS } },
};
