/**
 * The OpenAPI 3.1 description of the service's JSON API, served at `/api/openapi.json`. Schemas are
 * JSON Schema 2020-12; tests check every response of the API against them.
 */

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
    '/api/openapi.json': {
      get: {
        operationId: 'openApi',
        summary: 'This description',
        responses: { 200: { description: 'The OpenAPI document', content: { 'application/json': {} } } },
      },
    },
  },
  components: { schemas },
};
