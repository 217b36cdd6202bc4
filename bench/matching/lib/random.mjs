// Deterministic randomness for the generator: the same seed gives the same data on every
// platform and Node version (Math.random is never used).

// A mulberry32 generator (32-bit state, period 2^32) seeded from `seed` (any integer).
// Returns an object whose methods all draw from that one stream.
export function createRandom(seed) {
  let state = Math.imul((seed | 0) ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    /** A float in [0, 1). */
    next,
    /** An integer in [0, n). */
    int: (n) => Math.floor(next() * n),
    /** An integer in [lo, hi], both included. */
    between: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    /** True with probability p. */
    chance: (p) => next() < p,
    /** A uniformly chosen element of a non-empty array. */
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

// A table to draw items with the given non-negative weights (not necessarily summing to 1).
// `pick(rng)` costs O(log n).
export function weighted(items, weights) {
  if (items.length === 0 || items.length !== weights.length) {
    throw new Error('weighted: needs as many weights as items, at least one');
  }
  const cumulative = new Float64Array(items.length);
  let total = 0;
  weights.forEach((w, i) => { total += w; cumulative[i] = total; });
  return {
    items,
    pick(rng) {
      const x = rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid] > x) hi = mid; else lo = mid + 1;
      }
      return items[lo];
    },
  };
}

// Draws from an object { key: weight, ... }: returns keys.
export function weightedKeys(table) {
  return weighted(Object.keys(table), Object.values(table));
}

// A Zipf-like table: items listed most common first, item k (from 1) has weight k^-exponent.
export function zipf(items, exponent) {
  return weighted(items, items.map((_, k) => (k + 1) ** -exponent));
}

// Shuffles an array (or typed array) in place (Fisher–Yates) and returns it.
export function shuffle(rng, items) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}
