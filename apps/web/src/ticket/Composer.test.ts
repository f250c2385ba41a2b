// @vitest-environment happy-dom
import type { TicketDetailDto } from '@ascolta/contracts';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { createElement, createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { aTicketDto } from '../inbox/ticket.test-support.ts';
import { renderInApp } from '../ui/render-in-app.test-support.ts';
import { Composer, type ComposerMode } from './Composer.tsx';

const now = Date.parse('2026-11-20T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000).toISOString();

const aTicket = (channelKind: TicketDetailDto['channelKind'], lastInboundAt: string): TicketDetailDto => ({
  ...aTicketDto('00000000-0000-4000-8000-000000000001', { channelKind, createdAt: hoursAgo(40) }),
  customer: null,
  assignee: null,
  team: null,
  messages: [
    {
      direction: 'inbound',
      receivedAt: lastInboundAt,
    } as TicketDetailDto['messages'][number],
  ],
  notes: [],
});

const renderComposer = (ticket: TicketDetailDto, mode: ComposerMode) =>
  renderInApp(
    createElement(Composer, {
      ticket,
      mode,
      onModeChange: () => undefined,
      nowMs: now,
      inputRef: createRef<HTMLTextAreaElement>(),
    }),
  );

const sendButton = () => screen.getByRole('button', { name: 'Send' });

afterEach(cleanup);

describe('the composer applies the channel rules', () => {
  it('counts a public X reply against 280 characters and says how far over it is', async () => {
    renderComposer(aTicket('x', hoursAgo(1)), 'public');
    const box = screen.getByPlaceholderText(/Write your reply/);
    fireEvent.change(box, { target: { value: 'a'.repeat(270) } });
    expect(screen.getByTestId('char-count').textContent).toBe('270 / 280');
    fireEvent.change(box, { target: { value: 'a'.repeat(290) } });
    expect(screen.getByTestId('char-count').textContent).toContain('290 / 280');
    expect(screen.getByTestId('char-count').textContent).toContain('10 characters over the limit of X');
  });

  it('blocks a free-form WhatsApp message once the 24-hour window has closed, and explains why', async () => {
    renderComposer(aTicket('whatsapp', hoursAgo(30)), 'private');
    fireEvent.change(screen.getByPlaceholderText(/Write your reply/), { target: { value: 'Ciao!' } });
    expect(screen.getByTestId('window-warning').textContent).toMatch(/24/);
    await waitFor(() => expect(sendButton().hasAttribute('disabled')).toBe(true));
  });

  it('lets the same message go while the window is open', async () => {
    const { writes } = renderComposer(aTicket('whatsapp', hoursAgo(2)), 'private');
    fireEvent.change(screen.getByPlaceholderText(/Write your reply/), { target: { value: 'Ciao!' } });
    expect(screen.queryByTestId('window-warning')).toBeNull();
    fireEvent.click(sendButton());
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ method: 'POST', body: { visibility: 'private', text: 'Ciao!' } });
  });
});
