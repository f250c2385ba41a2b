import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createEndpointBreaker } from './endpoint-breaker.ts';
import { postJson } from './post-json.ts';

describe('postJson', () => {
  it('gives up on a receiver that does not answer within the timeout, and names a refused connection', async () => {
    const server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    expect(await postJson(url, '{}', {}, 200)).toEqual({ kind: 'failed', error: 'no answer within 200 ms' });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    const refused = await postJson(url, '{}', {}, 1000);
    expect(refused).toMatchObject({ kind: 'failed', error: expect.stringContaining('ECONNREFUSED') });
  });
});

describe('createEndpointBreaker', () => {
  it('pauses an endpoint after consecutive unanswered attempts, for the pause only; an answer resets it', () => {
    const breaker = createEndpointBreaker(3, 1000);
    breaker.record('a', true, 0);
    breaker.record('a', true, 10);
    expect(breaker.isPaused('a', 20)).toBe(false);
    breaker.record('a', true, 20);
    expect(breaker.isPaused('a', 500)).toBe(true);
    expect(breaker.isPaused('b', 500)).toBe(false);
    expect(breaker.isPaused('a', 1020)).toBe(false);
    breaker.record('a', false, 1030);
    breaker.record('a', true, 1040);
    expect(breaker.isPaused('a', 1050)).toBe(false);
  });
});
