/**
 * A small deterministic random source (the mulberry32 algorithm): the same
 * seed gives the same workspace on every machine and Node version, which
 * Math.random cannot promise.
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  return {
    /** A number in [0, 1). */
    next,
    /** An integer from min to max, both included. */
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    /** A key of `weights` drawn in proportion to its weight. */
    weighted: (weights) => {
      const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
      let left = next() * total;
      for (const [key, weight] of Object.entries(weights)) {
        left -= weight;
        if (left < 0) return key;
      }
      return Object.keys(weights).at(-1);
    },
  };
}
