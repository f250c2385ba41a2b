// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInApp } from '../ui/render-in-app.test-support.ts';
import { FilterBar } from './FilterBar.tsx';
import { emptyFilters, type TicketFilters } from './ticket-filters.ts';

const renderBar = (filters: TicketFilters) => {
  const changes: TicketFilters[] = [];
  renderInApp(
    createElement(FilterBar, {
      filters,
      onChange: (next: TicketFilters) => changes.push(next),
      tickets: [],
      agents: [],
      teams: [],
    }),
  );
  return changes;
};

afterEach(cleanup);

describe('the inbox filter bar', () => {
  it('switches to a saved view and keeps the other filters', () => {
    const changes = renderBar({ ...emptyFilters, bands: ['urgent'] });
    fireEvent.click(screen.getByText('Mine'));
    expect(changes.at(-1)).toEqual({ ...emptyFilters, bands: ['urgent'], view: 'mine' });
    fireEvent.click(screen.getByText('At risk'));
    expect(changes.at(-1)?.view).toBe('atRisk');
  });

  it('clears every filter but the saved view', () => {
    const changes = renderBar({ ...emptyFilters, view: 'unassigned', channelKinds: ['x'], language: 'it' });
    fireEvent.click(screen.getByRole('button', { name: /Clear filters/ }));
    expect(changes.at(-1)).toEqual({ ...emptyFilters, view: 'unassigned' });
  });

  it('narrows to a channel picked from the channel filter', async () => {
    const changes = renderBar(emptyFilters);
    fireEvent.click(screen.getByPlaceholderText('Channel'));
    fireEvent.click(await screen.findByText('WhatsApp'));
    expect(changes.at(-1)).toEqual({ ...emptyFilters, channelKinds: ['whatsapp'] });
  });
});
