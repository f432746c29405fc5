import { distance } from 'fastest-levenshtein';

/**
 * The allowed name closest to a mistyped one, for "did you mean" hints;
 * undefined when nothing is close enough to be a plausible typo.
 * `aliases` maps other spellings (e.g. a kind's Chinese label) to the name.
 */
export function nearestName(typed: string, allowed: readonly string[], aliases: ReadonlyMap<string, string> = new Map()): string | undefined {
  const wanted = typed.trim().toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  const consider = (candidate: string, name: string) => {
    const d = distance(wanted, candidate.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  };
  for (const name of allowed) consider(name, name);
  for (const [alias, name] of aliases) consider(alias, name);
  const tolerance = Math.max(1, Math.ceil(wanted.length * 0.4));
  return bestDistance <= tolerance ? best : undefined;
}
