import { Box, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { CatalogRowActions, DeleteError, EditingNotice } from './CatalogRowActions.tsx';
import {
  type BusinessHoursFormValues,
  businessHoursToForm,
  type OpeningHoursDay,
  parseBusinessHoursForm,
} from './catalog-validation.ts';
import { SettingsFormFooter } from './SettingsFormFooter.tsx';
import { useCatalogForm } from './use-catalog-form.ts';
import { useSettingsCatalog } from './use-supervisor.ts';

interface BusinessHours {
  id: string;
  name: string;
  timeZone: string;
  intervals: { day: number; startMinute: number; endMinute: number }[];
  holidays: string[];
}

const weekdays: OpeningHoursDay = { isOpen: true, start: '09:00', end: '18:00' };
const weekend: OpeningHoursDay = { isOpen: false, start: '09:00', end: '13:00' };
const blank: BusinessHoursFormValues = {
  name: '',
  timeZone: 'Europe/Rome',
  days: [weekend, weekdays, weekdays, weekdays, weekdays, weekdays, weekend],
};
// Monday first, as people read a week in Italy and most of Europe.
const dayOrder = [1, 2, 3, 4, 5, 6, 0] as const;
const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The calendars SLA business time is counted in: the list with edit and delete, and a weekly schedule form. */
export const BusinessHoursForm = () => {
  const { t } = useI18n();
  const catalog = useSettingsCatalog<BusinessHours>('business-hours');
  const { editor, form, setForm, error, hasFieldErrors, edit, remove, cancel, submit } = useCatalogForm(catalog, blank);
  const zones = useMemo(
    () => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Rome', 'UTC']),
    [],
  );
  const setDay = (index: number, patch: Partial<OpeningHoursDay>) =>
    setForm({ ...form, days: form.days.map((day, at) => (at === index ? { ...day, ...patch } : day)) });
  return (
    <Card withBorder data-testid="business-hours-form">
      <Title order={4} mb="xs">
        {t('settings.businessHours')}
      </Title>
      <Stack gap={2} mb="sm">
        {(catalog.query.data?.items ?? []).map((hours) => {
          // Two openings on one day do not fit the weekly form: such a calendar is edited through the API.
          const asForm = businessHoursToForm(hours, weekend);
          return (
            <Group key={hours.id} gap="xs" wrap="nowrap" justify="space-between">
              <Box style={{ minWidth: 0 }}>
                <Text size="xs">
                  <b>{hours.name}</b> · {hours.timeZone} ·{' '}
                  {hours.intervals
                    .map(
                      (interval) =>
                        `${t(`settings.day.${interval.day}` as 'settings.day.0').slice(0, 3)} ${clock(interval.startMinute)}–${clock(interval.endMinute)}`,
                    )
                    .join(', ')}
                </Text>
              </Box>
              <CatalogRowActions
                name={hours.name}
                onEdit={asForm === null ? undefined : () => edit(hours, asForm)}
                onDelete={() => remove(hours)}
                isDeleting={editor.isDeleting(hours.id)}
              />
            </Group>
          );
        })}
      </Stack>
      {editor.deleteError !== null && <DeleteError error={editor.deleteError} />}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseBusinessHoursForm(form);
          // The form has no holidays yet: an edit keeps the calendar's own.
          const holidays = editor.editing?.holidays ?? [];
          submit('hours' in parsed ? { body: { ...parsed.hours, holidays } } : parsed);
        }}
      >
        <Stack gap="xs">
          <Group grow align="flex-start">
            <TextInput
              name="hours-name"
              label={t('settings.name')}
              value={form.name}
              onChange={(event) => setForm({ ...form, name: event.currentTarget.value })}
              error={error('name')}
            />
            <Select
              searchable
              label={t('settings.timeZone')}
              data={zones}
              value={form.timeZone}
              onChange={(timeZone) => setForm({ ...form, timeZone: timeZone ?? '' })}
              error={error('timeZone')}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
            {dayOrder.map((index) => {
              const day = form.days[index] ?? weekend;
              return (
                <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
                  <Checkbox
                    w={110}
                    mt={6}
                    label={t(`settings.day.${index}`)}
                    checked={day.isOpen}
                    onChange={(event) => setDay(index, { isOpen: event.currentTarget.checked })}
                  />
                  <TextInput
                    size="xs"
                    type="time"
                    aria-label={`${t(`settings.day.${index}`)} ${t('settings.opens')}`}
                    disabled={!day.isOpen}
                    value={day.start}
                    onChange={(event) => setDay(index, { start: event.currentTarget.value })}
                    error={error(`days.${index}`)}
                  />
                  <TextInput
                    size="xs"
                    type="time"
                    aria-label={`${t(`settings.day.${index}`)} ${t('settings.closes')}`}
                    disabled={!day.isOpen}
                    value={day.end}
                    onChange={(event) => setDay(index, { end: event.currentTarget.value })}
                  />
                </Group>
              );
            })}
          </SimpleGrid>
          {editor.editing !== null && <EditingNotice name={editor.editing.name} onCancel={cancel} />}
          <SettingsFormFooter hasFieldErrors={hasFieldErrors} save={editor.save} testId="business-hours" />
        </Stack>
      </form>
    </Card>
  );
};
