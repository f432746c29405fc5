/**
 * A new suggestion's id, in the shape the example logs use: the village's
 * short name, the date and a number, e.g. 永胜-20230408-03 — the first number
 * not yet taken for that village and day.
 */
export function nextSuggestionId(village: string, date: string, taken: ReadonlySet<string>): string {
  const short = village.replace(/(村|社区| Village)$/u, '').replace(/\s+/g, '') || village;
  const stem = `${short}-${date.replace(/-/g, '')}`;
  for (let n = 1; ; n++) {
    const id = `${stem}-${String(n).padStart(2, '0')}`;
    if (!taken.has(id)) return id;
  }
}
