import { Decimal } from '../model/index.js';

/** Most digits after the decimal point a currency's minor unit may have. */
export const MAX_SCALE = 18;

/**
 * Converts amounts of a currency to whole minor units and back: with scale 2, 12.34 is 1234
 * units. Every payout is a whole number of minor units.
 */
export class MinorUnits {
  private readonly factor: Decimal;
  private readonly unit: Decimal;

  /** @param scale - digits after the decimal point of the minor unit, 0 to {@link MAX_SCALE}. */
  public constructor(public readonly scale: number) {
    if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
      throw new RangeError(`Expected a currency scale from 0 to ${MAX_SCALE} digits, got [${scale}]`);
    }
    this.factor = new Decimal(`1e${scale}`);
    this.unit = new Decimal(`1e-${scale}`);
  }

  /** Returns the amount in minor units; `exact` leaves a fraction of a unit in, `floor` drops it. */
  public toUnits(amount: Decimal, rounding: 'exact' | 'floor' = 'exact'): Decimal {
    const units = amount.times(this.factor);
    return rounding === 'floor' ? units.floor() : units;
  }

  /** Returns whole minor units as an amount of the currency. */
  public fromUnits(units: Decimal): Decimal {
    return units.times(this.unit);
  }

  /** Tells whether the amount is a whole number of minor units. */
  public isWhole(amount: Decimal): boolean {
    return amount.times(this.factor).isInteger();
  }
}
