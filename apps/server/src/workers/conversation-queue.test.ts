import { describe, expect, it } from 'vitest';
import { createConversationQueue } from './conversation-queue.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createConversationQueue', () => {
  it('runs the tasks of one conversation in the order given, even when the first is the slowest', async () => {
    const inOrder = createConversationQueue();
    const finished: string[] = [];
    await Promise.all([
      inOrder('ticket-1', async () => {
        await pause(30);
        finished.push('first');
      }),
      inOrder('ticket-1', async () => {
        finished.push('second');
      }),
    ]);
    expect(finished).toEqual(['first', 'second']);
  });

  it('lets other conversations go ahead, and a failed task does not stop the next one', async () => {
    const inOrder = createConversationQueue();
    const finished: string[] = [];
    const failing = inOrder('ticket-1', async () => {
      await pause(30);
      throw new Error('platform down');
    });
    const next = inOrder('ticket-1', async () => {
      finished.push('ticket-1 again');
    });
    const other = inOrder('ticket-2', async () => {
      finished.push('ticket-2');
    });
    await expect(failing).rejects.toThrow('platform down');
    await Promise.all([next, other]);
    expect(finished).toEqual(['ticket-2', 'ticket-1 again']);
  });
});
