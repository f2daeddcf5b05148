import crypto from 'node:crypto';

/**
 * A uniform shuffle (Fisher–Yates) that depends only on the seed (a quiz attempt and its
 * question, a call and its turn), so the learner sees the same order after a reload or a
 * logout without storing it. Every order is equally likely, the authored one included: a call
 * must not teach that "the line shown first is never the one the author wrote first".
 */
export function seededPermutation<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  let pool = crypto.createHash('sha256').update(seed).digest();
  let at = 0;
  const next = (): number => {
    if (at + 4 > pool.length) {
      pool = crypto.createHash('sha256').update(pool).digest();
      at = 0;
    }
    const v = pool.readUInt32BE(at);
    at += 4;
    return v;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A seeded shuffle for questions whose order is the answer (ordering, matching): never the solved order. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = seededPermutation(items, seed);
  // A shuffle that leaves an ordering question already solved would give the answer away.
  if (out.length > 1 && out.every((v, i) => v === items[i])) out.push(out.shift() as T);
  return out;
}
