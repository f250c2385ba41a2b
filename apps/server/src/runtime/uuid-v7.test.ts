import { describe, expect, it } from 'vitest';
import { uuidV7 } from './uuid-v7.ts';

describe('uuidV7', () => {
  it('produces RFC 9562 version 7 ids that sort by time', () => {
    let now = Date.UTC(2026, 10, 22);
    const ids = uuidV7(() => now);
    const first = ids.newId();
    now += 1;
    const second = ids.newId();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first < second).toBe(true);
    expect(first.slice(0, 13).replace('-', '')).toBe(Date.UTC(2026, 10, 22).toString(16).padStart(12, '0'));
  });

  it('does not repeat within one millisecond', () => {
    const ids = uuidV7(() => 0);
    const seen = new Set(Array.from({ length: 1000 }, () => ids.newId()));
    expect(seen.size).toBe(1000);
  });
});
