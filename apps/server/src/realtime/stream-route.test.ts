import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiTestApp, createApiTestApp } from '../routes/api-test-app.test-support.ts';

describe('the realtime stream', () => {
  let t: ApiTestApp;
  beforeAll(async () => {
    t = await createApiTestApp();
    await t.app.ready();
  });
  afterAll(() => t.close());

  it('refuses a connection without a session', async () => {
    await expect(t.app.injectWS('/api/v1/stream')).rejects.toThrow(/401/);
  });

  it('pushes an event appended after the connection opened', async () => {
    const { cookie, headers } = await t.signIn('sara.conti@ascolta.local');
    const frames: Array<{ type: string; event?: { type: string; ticketId: string } }> = [];
    let resolveNote = () => {};
    const noteArrived = new Promise<void>((resolve) => {
      resolveNote = resolve;
    });
    const onMessage = (data: Buffer) => {
      const frame = JSON.parse(data.toString());
      frames.push(frame);
      if (frame.type === 'event' && frame.event.type === 'ticket.note-added') resolveNote();
    };
    // Listen from the first frame: `ready` may arrive before injectWS resolves.
    const socket = await t.app.injectWS(
      '/api/v1/stream',
      { headers: { cookie } },
      { onInit: (ws) => ws.on('message', onMessage) },
    );
    await expect.poll(() => frames.some((frame) => frame.type === 'ready')).toBe(true);

    const workspaceId = (await t.store.workspaces.list())[0]?.id ?? '';
    const ticket = (await t.store.tickets.list({ workspaceId, limit: 1 })).items[0];
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticket?.id}/notes`,
      headers,
      payload: { text: 'visto' },
    });
    expect(note.statusCode).toBe(201);
    await noteArrived;
    expect(frames.filter((frame) => frame.type === 'event').map((frame) => frame.event?.ticketId)).toEqual([
      ticket?.id,
    ]);
    socket.terminate();
  });
});
