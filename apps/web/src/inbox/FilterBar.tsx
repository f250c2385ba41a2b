import type { AgentLoadDto, TeamLoadDto, TicketDto } from '@ascolta/contracts';
import { channelKinds, priorityBands, ticketStatuses } from '@ascolta/core';
import { Button, Group, MultiSelect, SegmentedControl, Select } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import {
  countActiveFilters,
  distinctValues,
  emptyFilters,
  type SavedView,
  savedViews,
  type TicketFilters,
} from './ticket-filters.ts';

interface FilterBarProps {
  filters: TicketFilters;
  onChange(filters: TicketFilters): void;
  tickets: readonly TicketDto[];
  agents: readonly AgentLoadDto[];
  teams: readonly TeamLoadDto[];
}

const viewKey = { all: 'view.all', mine: 'view.mine', unassigned: 'view.unassigned', atRisk: 'view.atRisk' } as const;

const options = (ids: readonly string[], named: readonly { id: string; name: string }[]) =>
  ids.map((id) => ({ value: id, label: named.find((item) => item.id === id)?.name ?? `…${id.slice(-6)}` }));

export const FilterBar = ({ filters, onChange, tickets, agents, teams }: FilterBarProps) => {
  const { t } = useI18n();
  const set = (patch: Partial<TicketFilters>) => onChange({ ...filters, ...patch });
  const pick = <T extends string>(all: readonly T[], values: string[]): T[] => all.filter((v) => values.includes(v));
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="filters">
      <SegmentedControl
        size="xs"
        value={filters.view}
        onChange={(value) => set({ view: savedViews.find((view) => view === value) ?? 'all' })}
        data={savedViews.map((view: SavedView) => ({ value: view, label: t(viewKey[view]) }))}
      />
      <MultiSelect
        size="xs"
        w={170}
        placeholder={t('filter.status')}
        aria-label={t('filter.status')}
        value={[...filters.statuses]}
        data={ticketStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        onChange={(values) => set({ statuses: pick(ticketStatuses, values) })}
      />
      <MultiSelect
        size="xs"
        w={160}
        placeholder={t('filter.channel')}
        aria-label={t('filter.channel')}
        value={[...filters.channelKinds]}
        data={channelKinds.map((kind) => ({ value: kind, label: t(`channel.${kind}`) }))}
        onChange={(values) => set({ channelKinds: pick(channelKinds, values) })}
      />
      <MultiSelect
        size="xs"
        w={150}
        placeholder={t('filter.priority')}
        aria-label={t('filter.priority')}
        value={[...filters.bands]}
        data={[...priorityBands].reverse().map((band) => ({ value: band, label: t(`band.${band}`) }))}
        onChange={(values) => set({ bands: pick(priorityBands, values) })}
      />
      <Select
        size="xs"
        w={150}
        clearable
        placeholder={t('filter.category')}
        aria-label={t('filter.category')}
        value={filters.category}
        data={distinctValues(tickets, (ticket) => ticket.category)}
        onChange={(category) => set({ category })}
      />
      <Select
        size="xs"
        w={100}
        clearable
        placeholder={t('filter.language')}
        aria-label={t('filter.language')}
        value={filters.language}
        data={distinctValues(tickets, (ticket) => ticket.language)}
        onChange={(language) => set({ language })}
      />
      <Select
        size="xs"
        w={150}
        clearable
        placeholder={t('filter.team')}
        aria-label={t('filter.team')}
        value={filters.teamId}
        data={options(
          distinctValues(tickets, (ticket) => ticket.teamId),
          teams,
        )}
        onChange={(teamId) => set({ teamId })}
      />
      <Select
        size="xs"
        w={150}
        clearable
        searchable
        placeholder={t('filter.assignee')}
        aria-label={t('filter.assignee')}
        value={filters.assigneeId}
        data={options(
          distinctValues(tickets, (ticket) => ticket.assigneeId),
          agents,
        )}
        onChange={(assigneeId) => set({ assigneeId })}
      />
      {countActiveFilters(filters) > 0 && (
        <Button size="xs" variant="subtle" onClick={() => onChange({ ...emptyFilters, view: filters.view })}>
          {t('filter.clear')}
        </Button>
      )}
    </Group>
  );
};
