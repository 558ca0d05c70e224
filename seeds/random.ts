/** A small seeded PRNG (mulberry32): the same demo data on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (probability: number) => next() < probability,
    /** A Poisson-distributed count (Knuth): monthly event counts around a mean rate. */
    poisson(mean: number): number {
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = next(); p > limit; p *= next()) k += 1;
      return k;
    },
    /** A copy of `items` in random order (Fisher–Yates). */
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
    /** A version-4 UUID drawn from this generator, so that ids too are the same on every run. */
    uuid(): string {
      const hex = Array.from({ length: 4 }, () => int(0, 0xffffffff).toString(16).padStart(8, '0')).join('');
      const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
      const [a, b, c, d, e] = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(13, 16), hex.slice(17, 20), hex.slice(20)];
      return `${a}-${b}-4${c}-${variant}${d}-${e}`;
    },
  };
}

export type Random = ReturnType<typeof seededRandom>;
