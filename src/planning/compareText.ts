/**
 * Compares two strings by UTF-16 code units, the order of `<`, so sorting never depends on the
 * locale of the machine.
 */
export function compareText(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  if (a > b) {
    return 1;
  }
  return 0;
}
