/**
 * The ids of terms (lrs_term) already committed, kept in memory so a batch of statements whose
 * agents, verbs and activities are known needs no look-up. An id is only remembered once the
 * transaction that read or created it has committed: a rolled-back insert may hand its id to
 * another term later. Bounded: past MAX entries it starts again empty (ids are then read back).
 */
const MAX = 100_000;

export interface TermIdCache {
  get(term: string): number | undefined;
  /** Ids seen inside a transaction, remembered by `commit`. */
  remember(entries: Iterable<[string, number]>): void;
}

export function createTermIdCache(): TermIdCache {
  const ids = new Map<string, number>();
  return {
    get: (term) => ids.get(term),
    remember(entries) {
      for (const [term, id] of entries) {
        if (ids.size >= MAX) ids.clear();
        ids.set(term, id);
      }
    },
  };
}
