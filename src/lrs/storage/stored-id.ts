/**
 * Stored-order ids: UUIDv7 strings whose 48-bit prefix is the `stored` time in ms. They never go
 * backwards on one instance (a clock step back reuses the last ms and bumps a counter), so
 * lexical order = stored order, and since/until become plain id comparisons.
 */
import crypto from 'node:crypto';

export interface StoredIdGenerator {
  next(): { sid: string; stored: Date };
  /** Never hand out an id at or below this one (the newest already in the database). */
  advancePast(sid: string): void;
}

const COUNTER_MAX = 0xfff;

export function createStoredIdGenerator(clock: () => Date): StoredIdGenerator {
  let lastMs = 0;
  let counter = 0;
  return {
    next() {
      const now = clock().getTime();
      if (now > lastMs) {
        lastMs = now;
        counter = 0;
      } else if (counter < COUNTER_MAX) {
        counter += 1;
      } else {
        lastMs += 1;
        counter = 0;
      }
      return { sid: formatUuidV7(lastMs, counter, crypto.randomBytes(8)), stored: new Date(lastMs) };
    },
    advancePast(sid) {
      const ms = timeOfStoredId(sid);
      const c = parseInt(sid.slice(15, 18), 16);
      if (ms > lastMs || (ms === lastMs && c > counter)) {
        lastMs = ms;
        counter = c;
      }
    },
  };
}

export function formatUuidV7(ms: number, counter: number, random: Uint8Array): string {
  const time = ms.toString(16).padStart(12, '0');
  const a = (0x7000 | (counter & 0xfff)).toString(16);
  const variant = ((random[0] & 0x3f) | 0x80).toString(16).padStart(2, '0');
  const rest = Buffer.from(random.subarray(1, 8)).toString('hex');
  return `${time.slice(0, 8)}-${time.slice(8)}-${a}-${variant}${rest.slice(0, 2)}-${rest.slice(2, 14)}`;
}

export function timeOfStoredId(sid: string): number {
  return parseInt(sid.slice(0, 8) + sid.slice(9, 13), 16);
}

/** The smallest id whose time is `ms`: ids >= this were stored at or after ms. */
export function lowestStoredIdAt(ms: number): string {
  return formatUuidV7(Math.max(0, ms), 0, new Uint8Array(8));
}
