import { DataFactory } from 'n3';
import type { Literal } from 'n3';
import { DateTimeValue } from '../model/DateTimeValue.js';
import { VF, XSD } from '../vocab/index.js';

/** ValueFlows properties whose value is an `xsd:dateTime`. */
export const VF_DATE_TIME_PROPERTIES = new Set<string>([
  VF.hasPointInTime, VF.hasBeginning, VF.hasEnd, VF.created, VF.due,
].map((property) => property.value));

const ONE_DIGIT_HOUR = /^(-?\d{4,}-\d{2}-\d{2}T)(\d)(:\d{2})/u;
const ONE_DIGIT_OFFSET_HOUR = /([+-])(\d)(:\d{2})$/u;

/**
 * Repairs a date-time written with a one-digit hour or a one-digit offset hour, as upstream
 * ValueFlows examples do (`2019-04-18T8:30:08-5:00`), into the `xsd:dateTime` it means
 * (`2019-04-18T08:30:08-05:00`). Returns undefined when the text needs no repair or is still
 * not a valid `xsd:dateTime` after it, so other invalid values stay as written and are reported.
 */
export function repairTimeLiteral(literal: Literal): Literal | undefined {
  const repaired = literal.value
    .replace(ONE_DIGIT_HOUR, (_whole, date: string, hour: string, rest: string) => `${date}0${hour}${rest}`)
    .replace(ONE_DIGIT_OFFSET_HOUR, (_whole, sign: string, hour: string, rest: string) => `${sign}0${hour}${rest}`);
  if (repaired === literal.value) {
    return undefined;
  }
  const parsed = DateTimeValue.parse(repaired);
  if (parsed === undefined || !parsed.isXsdDateTime() || !parsed.hasValidFields()) {
    return undefined;
  }
  return DataFactory.literal(repaired, XSD.dateTime);
}
