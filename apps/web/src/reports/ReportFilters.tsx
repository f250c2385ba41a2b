import { Anchor, Button, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDirectory } from '../inbox/use-directory.ts';
import { useChannels } from '../supervisor/use-supervisor.ts';
import { csvExportPath, noFilters, type ReportSelection } from './report-query.ts';

interface ReportFiltersProps {
  selection: ReportSelection;
  categories: readonly string[];
  onChange(selection: ReportSelection): void;
  canExport: boolean;
}

const languages = ['it', 'en', 'es', 'fr', 'de'];
const bands = ['urgent', 'high', 'normal', 'low'] as const;

const zones = (current: string): string[] => {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, 'UTC', ...all])];
};

/** Date range, time zone, bucket and the filters every report takes; the CSV export follows the same choice. */
export const ReportFilters = ({ selection, categories, onChange, canExport }: ReportFiltersProps) => {
  const { t } = useI18n();
  const channels = useChannels();
  const directory = useDirectory();
  const zoneOptions = useMemo(() => zones(selection.timeZone), [selection.timeZone]);
  const set = <K extends keyof ReportSelection>(key: K, value: ReportSelection[K]) =>
    onChange({ ...selection, [key]: value });
  const pick = (
    label: string,
    value: string | null,
    data: { value: string; label: string }[],
    key: keyof ReportSelection,
  ) => (
    <Select
      size="xs"
      w={150}
      clearable
      searchable
      label={label}
      placeholder={t('reports.any')}
      data={data}
      value={value}
      onChange={(next) => set(key, next as never)}
    />
  );
  return (
    <Group gap="sm" align="flex-end" data-testid="report-filters">
      <TextInput
        size="xs"
        type="date"
        label={t('reports.from')}
        value={selection.from}
        onChange={(event) => set('from', event.currentTarget.value)}
      />
      <TextInput
        size="xs"
        type="date"
        label={t('reports.to')}
        value={selection.to}
        onChange={(event) => set('to', event.currentTarget.value)}
      />
      <Select
        size="xs"
        w={190}
        searchable
        label={t('reports.timeZone')}
        data={zoneOptions}
        value={selection.timeZone}
        onChange={(zone) => zone !== null && set('timeZone', zone)}
      />
      <SegmentedControl
        size="xs"
        aria-label={t('reports.bucket')}
        value={selection.bucket}
        onChange={(value) => set('bucket', value === 'hour' ? 'hour' : 'day')}
        data={[
          { value: 'day', label: t('reports.byDay') },
          { value: 'hour', label: t('reports.byHour') },
        ]}
      />
      {pick(
        t('filter.channel'),
        selection.channel,
        (channels.data?.items ?? []).map((channel) => ({ value: channel.id, label: channel.name })),
        'channel',
      )}
      {pick(
        t('filter.category'),
        selection.category,
        categories.map((category) => ({ value: category, label: category })),
        'category',
      )}
      {pick(
        t('filter.language'),
        selection.language,
        languages.map((code) => ({ value: code, label: code.toUpperCase() })),
        'language',
      )}
      {pick(
        t('filter.team'),
        selection.team,
        (directory.data?.teams ?? []).map((team) => ({ value: team.id, label: team.name })),
        'team',
      )}
      {pick(
        t('filter.assignee'),
        selection.agent,
        (directory.data?.agents ?? []).map((agent) => ({ value: agent.id, label: agent.name })),
        'agent',
      )}
      {pick(
        t('filter.priority'),
        selection.priorityBand,
        bands.map((band) => ({ value: band, label: t(`band.${band}`) })),
        'priorityBand',
      )}
      {canExport && (
        <Button
          component="a"
          size="xs"
          variant="light"
          href={csvExportPath(selection)}
          download
          data-testid="csv-export"
        >
          {t('reports.exportCsv')}
        </Button>
      )}
      <Anchor size="xs" component="button" type="button" onClick={() => onChange({ ...selection, ...noFilters })}>
        {t('reports.clearFilters')}
      </Anchor>
    </Group>
  );
};
