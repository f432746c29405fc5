/** Code-point order: the same on every computer, whatever its language settings. For sorting that must give the same bytes everywhere. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
