/**
 * Who is in the demo network and what goes into each pod. Seed files are our own data in
 * `demo/seed/`; upstream files are ValueFlows examples, imported when the examples folder exists,
 * with their example agents given the WebIDs of demo members.
 */

/** An upstream ValueFlows example to import into one member's pod. */
export interface UpstreamImport {
  /** File name inside the examples folder. */
  file: string;
  /** Example agent IRI to the demo member (by pod name) who plays that agent. */
  agents: Record<string, string>;
  /**
   * Our own seed file of `raise` events for the stock the example starts with but records no
   * event for, and the member whose pod it goes to. Imported only when the example is.
   */
  openingBalances?: { member: string; seed: string };
}

/** One pod of the demo network. */
export interface DemoMemberPlan {
  /** Pod name, also the host of the seed placeholders (`https://NAME.seed.invalid/`). */
  name: string;
  label: string;
  /** Seed file in `demo/seed/`. */
  seed: string;
  upstream: UpstreamImport[];
}

/** The network itself: an organization whose pod lists the members. */
export const DEMO_NETWORK: DemoMemberPlan = {
  name: 'riverside',
  label: 'Riverside Commons (the network)',
  seed: 'network.ttl',
  upstream: [],
};

const MANUFACTURING_AGENTS = {
  'https://manufacturing.example/': 'woodshop',
  'https://alice.example/': 'ada',
  'https://alice.example': 'ada',
};

const TRANSPORT_AGENTS = {
  'https://alice.example/': 'ada',
  'https://alice.example': 'ada',
  'https://bob.example/': 'bruno',
  'https://bob.example': 'bruno',
  'https://claudia.example/': 'cargo',
  'https://claudia.example': 'cargo',
};

/** The members, in the order their pods are set up. */
export const DEMO_MEMBERS: DemoMemberPlan[] = [
  {
    name: 'woodshop',
    label: 'Oak Street Woodshop (an organization)',
    seed: 'woodshop.ttl',
    upstream: [
      {
        file: 'ex-production--01--manufacturing.yaml',
        agents: MANUFACTURING_AGENTS,
        openingBalances: { member: 'woodshop', seed: 'opening-balances-manufacturing.ttl' },
      },
      { file: 'ex-production--13--correcting-errors.yaml', agents: MANUFACTURING_AGENTS },
    ],
  },
  { name: 'ada', label: 'Ada (a person)', seed: 'ada.ttl', upstream: [] },
  { name: 'bruno', label: 'Bruno (a person)', seed: 'bruno.ttl', upstream: [] },
  {
    name: 'cargo',
    label: 'Cargo Bike Co-op (an organization)',
    seed: 'cargo.ttl',
    upstream: [
      {
        file: 'ex-exchange--08--transportation-with-transfer.yaml',
        agents: TRANSPORT_AGENTS,
        openingBalances: { member: 'ada', seed: 'opening-balances-transport.ttl' },
      },
    ],
  },
];

/** Pod name of the aggregator's own account, whose WebID members grant read access to. */
export const AGGREGATOR_NAME = 'aggregator';

/**
 * The income the demo distributes, with IRIs relative to the network's pod: the equation of
 * `network.ttl` (stored in `rea/resources/network-other.ttl`, where the import puts subjects of
 * classes it has no container for) and the euro specification.
 */
export const DEMO_DISTRIBUTION = {
  equation: 'rea/resources/network-other.ttl#stool-income',
  amount: '1000.00',
  currency: 'rea/resources/network.ttl#euro',
  scale: 2,
} as const;

/**
 * The plan the demo makes and the work that fulfills part of it. IRIs are relative to the
 * woodshop's pod, where the import puts the recipe of `woodshop.ttl` in `rea/recipes/woodshop.ttl`.
 * The network's market wants twelve stools. The six stools on hand (four at the woodshop, two in
 * the network's shop) cover half of them, so the plan runs the recipe once, for six. Ada then works
 * five of its fourteen hours early. `now` is fixed, so the status the demo prints does not change
 * with the day it runs.
 */
export const DEMO_PLAN = {
  recipe: 'rea/recipes/woodshop.ttl#stool-recipe',
  quantity: '12',
  due: '2026-12-20T17:00:00Z',
  /** Document name of the plan in the woodshop's `rea/plans/` and `rea/commitments/`. */
  documentName: 'stools-for-the-december-market',
  name: 'Stools for the December market',
  now: '2026-12-10T00:00:00Z',
  work: {
    id: 'cut-stool-parts',
    hours: '5',
    hasBeginning: '2026-12-09T08:00:00Z',
    hasEnd: '2026-12-09T13:00:00Z',
  },
} as const;
