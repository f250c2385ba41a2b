import { describe, expect, it } from 'vitest';
import { isBackgroundWork, runAsBackground } from './background-work.ts';
import { createPriorityGate } from './priority-gate.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('createPriorityGate', () => {
  it('runs one piece of work at a time', async () => {
    const gate = createPriorityGate();
    let running = 0;
    let most = 0;
    const work = async () => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
    };
    await Promise.all([gate.run(false, work), gate.run(true, work), gate.run(false, work)]);
    expect(most).toBe(1);
  });

  it('serves waiting foreground work before waiting background work', async () => {
    const gate = createPriorityGate();
    const order: string[] = [];
    const step = (name: string) => async () => {
      order.push(name);
      await tick();
    };
    const all = [
      gate.run(true, step('background 1')),
      gate.run(true, step('background 2')),
      gate.run(true, step('background 3')),
      gate.run(false, step('request')),
    ];
    await Promise.all(all);
    expect(order).toEqual(['background 1', 'request', 'background 2', 'background 3']);
  });

  it('tells whether foreground work is running or waiting', async () => {
    const gate = createPriorityGate();
    expect(gate.hasForegroundWork()).toBe(false);
    const background = gate.run(true, tick);
    const request = gate.run(false, tick);
    expect(gate.hasForegroundWork()).toBe(true);
    await Promise.all([background, request]);
    expect(gate.hasForegroundWork()).toBe(false);
  });

  it('releases the slot when the work fails', async () => {
    const gate = createPriorityGate();
    await expect(gate.run(false, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(false, async () => 'next')).toBe('next');
  });
});

describe('runAsBackground', () => {
  it('marks the work and what it awaits, and nothing outside it', async () => {
    expect(isBackgroundWork()).toBe(false);
    const inside = await runAsBackground(async () => {
      await tick();
      return isBackgroundWork();
    });
    expect(inside).toBe(true);
    expect(isBackgroundWork()).toBe(false);
  });
});
