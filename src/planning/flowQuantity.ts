import type { Quantity } from '../model/index.js';

/** The quantities a VF flow may carry; which one counts depends on the flow. */
export interface FlowQuantities {
  resourceQuantity?: Quantity;
  effortQuantity?: Quantity;
}

/**
 * Returns the quantity that measures a flow: its resource quantity, else its effort quantity,
 * since a work or use flow is often measured by effort alone.
 */
export function flowQuantity(flow: FlowQuantities): Quantity | undefined {
  return flow.resourceQuantity ?? flow.effortQuantity;
}

/**
 * Returns the quantity of `event` that counts against `planned`: the same field the planned flow
 * is measured by, so resource quantities are never added to effort hours.
 */
export function matchingQuantity(planned: FlowQuantities, event: FlowQuantities): Quantity | undefined {
  return planned.resourceQuantity === undefined ? event.effortQuantity : event.resourceQuantity;
}
