// @vitest-environment happy-dom
import type { CustomerDetailDto } from '@ascolta/contracts';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInApp } from '../ui/render-in-app.test-support.ts';
import { LinkSuggestions } from './LinkSuggestions.tsx';

afterEach(cleanup);

const customer = {
  id: 'cust-giulia',
  displayName: 'Giulia Rossi',
  linkSuggestions: [
    {
      customerId: 'cust-g',
      displayName: 'G. Rossi',
      evidence: 'order-number A-7',
      suggestedAt: '2026-11-20T09:00:00.000Z',
    },
  ],
} as CustomerDetailDto;

const renderSuggestions = (canMerge: boolean) => renderInApp(createElement(LinkSuggestions, { customer, canMerge }));

describe('link suggestions in the customer panel', () => {
  it('shows who the customer may be and why, and merges the other customer into this one after a confirmation', async () => {
    const { writes } = renderSuggestions(true);
    screen.getByText('May be the same customer as G. Rossi');
    screen.getByText('Evidence: order-number A-7');
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    expect(writes).toEqual([]);
    screen.getByText(/Moves their tickets, messages and identities/);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm merge' }));
    await waitFor(() =>
      expect(writes).toEqual([
        { method: 'POST', path: '/api/v1/customers/cust-g/merge', body: { intoCustomerId: 'cust-giulia' } },
      ]),
    );
  });

  it('lets an agent dismiss but not merge', async () => {
    const { writes } = renderSuggestions(false);
    expect(screen.queryByRole('button', { name: 'Merge' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() =>
      expect(writes).toEqual([
        {
          method: 'POST',
          path: '/api/v1/customers/cust-giulia/link-suggestions/dismiss',
          body: { customerId: 'cust-g' },
        },
      ]),
    );
  });

  it('shows nothing without suggestions', () => {
    renderInApp(createElement(LinkSuggestions, { customer: { ...customer, linkSuggestions: [] }, canMerge: true }));
    expect(screen.queryByTestId('link-suggestions')).toBeNull();
  });
});
