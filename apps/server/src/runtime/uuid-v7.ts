import { randomBytes } from 'node:crypto';
import type { IdGenerator } from '@ascolta/core';

/**
 * RFC 9562 UUIDv7: 48 bits of Unix milliseconds, then random bits. Ids sort by creation time, which keeps
 * B-tree inserts local and makes keyset pagination by id follow time.
 */
export const uuidV7 = (now: () => number = Date.now): IdGenerator => ({
  newId() {
    const bytes = randomBytes(16);
    const milliseconds = BigInt(now());
    for (let index = 0; index < 6; index += 1) {
      bytes[index] = Number((milliseconds >> BigInt(8 * (5 - index))) & 0xffn);
    }
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  },
});
