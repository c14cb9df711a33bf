/**
 * Compares two strings by UTF-16 code units, as `<` does, so the order is the same on every
 * machine and locale. `null` sorts before every string.
 */
export function compareCodeUnits(a: string | null, b: string | null): number {
  if (a === b) {
    return 0;
  }
  if (a === null || b === null) {
    return a === null ? -1 : 1;
  }
  return a < b ? -1 : 1;
}
