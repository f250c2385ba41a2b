// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInApp } from '../ui/render-in-app.test-support.ts';
import { BusinessHoursForm } from './BusinessHoursForm.tsx';
import { InfoRequestsList } from './InfoRequestsList.tsx';
import { TeamsForm } from './TeamsForm.tsx';
import { TemplatesForm } from './TemplatesForm.tsx';

afterEach(cleanup);

const tracking = {
  id: 'tpl-1',
  kind: 'answer',
  name: 'Tracking',
  category: 'delivery',
  language: 'it',
  body: 'Segui il pacco qui.',
  autoAnswerThreshold: 0.85,
};

describe('editing and deleting settings records in the supervisor console', () => {
  it('loads a template into the form, saves it with PUT, and deletes it only after a second click', async () => {
    const { writes } = renderInApp(createElement(TemplatesForm), {
      '/api/v1/settings/templates': { items: [tracking] },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Tracking' }));
    screen.getByText('Editing “Tracking”');
    const name = screen.getByLabelText('Name') as HTMLInputElement;
    expect(name.value).toBe('Tracking');
    fireEvent.change(name, { target: { value: 'Tracking (IT)' } });
    fireEvent.click(screen.getByTestId('save-template'));
    await waitFor(() => expect(writes).toHaveLength(1));
    const { id: _, ...body } = tracking;
    expect(writes[0]).toEqual({
      method: 'PUT',
      path: '/api/v1/settings/templates/tpl-1',
      body: { ...body, name: 'Tracking (IT)' },
    });
    await waitFor(() => expect(screen.queryByTestId('editing-notice')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Delete Tracking' }));
    expect(writes).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Really delete Tracking' }));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toEqual({ method: 'DELETE', path: '/api/v1/settings/templates/tpl-1', body: undefined });
  });

  it('edits a calendar keeping its holidays, and offers no edit for one the weekly form cannot hold', async () => {
    const office = {
      id: 'h-1',
      name: 'Office',
      timeZone: 'Europe/Rome',
      intervals: [{ day: 1, startMinute: 480, endMinute: 1200 }],
      holidays: ['2026-12-25'],
    };
    const lunchBreak = {
      ...office,
      id: 'h-2',
      name: 'Shop',
      intervals: [
        { day: 1, startMinute: 540, endMinute: 780 },
        { day: 1, startMinute: 900, endMinute: 1140 },
      ],
    };
    const { writes } = renderInApp(createElement(BusinessHoursForm), {
      '/api/v1/settings/business-hours': { items: [office, lunchBreak] },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Office' }));
    expect(screen.queryByRole('button', { name: 'Edit Shop' })).toBeNull();
    screen.getByRole('button', { name: 'Delete Shop' });
    fireEvent.click(screen.getByTestId('save-business-hours'));
    await waitFor(() => expect(writes).toHaveLength(1));
    const { id: _, ...body } = office;
    expect(writes[0]).toEqual({ method: 'PUT', path: '/api/v1/settings/business-hours/h-1', body });
  });

  it('edits a team, naming an empty name before saving, and deletes it after a second click', async () => {
    const billing = {
      id: 'team-1',
      name: 'Billing',
      categories: ['billing'],
      languages: ['it'],
      businessHoursId: 'h-1',
      agentIds: [],
      capacity: 0,
      openTickets: 0,
      onlineAgents: 0,
    };
    const { writes } = renderInApp(createElement(TeamsForm), {
      '/api/v1/teams': { items: [billing] },
      '/api/v1/settings/business-hours': { items: [{ id: 'h-1', name: 'Office' }] },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Billing' }));
    const name = screen.getByLabelText('Name') as HTMLInputElement;
    expect(name.value).toBe('Billing');
    fireEvent.change(name, { target: { value: ' ' } });
    fireEvent.click(screen.getByTestId('save-team'));
    await screen.findByText('Give the team a name (at most 100 characters).');
    expect(writes).toHaveLength(0);
    fireEvent.change(name, { target: { value: 'Billing and refunds' } });
    fireEvent.click(screen.getByTestId('save-team'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({
      method: 'PUT',
      path: '/api/v1/teams/team-1',
      body: { name: 'Billing and refunds', categories: ['billing'], languages: ['it'], businessHoursId: 'h-1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete Billing' }));
    fireEvent.click(screen.getByRole('button', { name: 'Really delete Billing' }));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toMatchObject({ method: 'DELETE', path: '/api/v1/teams/team-1' });
  });

  it('edits an info request keeping its public acknowledgement', async () => {
    const delivery = {
      id: 'ir-1',
      category: 'delivery',
      fields: [
        { name: 'orderNumber', entity: 'order-number', label: { it: 'numero', en: 'number' }, isRequired: true },
      ],
      prompt: { it: 'Il numero?', en: 'The number?' },
      publicAcknowledgement: { it: 'Ti scriviamo in privato.' },
      reminderAfterMinutes: 240,
    };
    const { writes } = renderInApp(createElement(InfoRequestsList), {
      '/api/v1/settings/info-requests': { items: [delivery] },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit delivery' }));
    const reminder = screen.getByLabelText('Reminder after (minutes)') as HTMLInputElement;
    expect(reminder.value).toBe('240');
    fireEvent.change(reminder, { target: { value: '60' } });
    fireEvent.click(screen.getByTestId('save-info-request'));
    await waitFor(() => expect(writes).toHaveLength(1));
    const { id: _, ...body } = delivery;
    expect(writes[0]).toEqual({
      method: 'PUT',
      path: '/api/v1/settings/info-requests/ir-1',
      body: { ...body, reminderAfterMinutes: 60 },
    });
  });
});
