import { Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { type BusinessHoursFormValues, type OpeningHoursDay, parseBusinessHoursForm } from './catalog-validation.ts';
import { SettingsFormFooter } from './SettingsFormFooter.tsx';
import type { FieldErrors } from './settings-validation.ts';
import { useSettingsCatalog } from './use-supervisor.ts';

interface BusinessHours {
  id: string;
  name: string;
  timeZone: string;
  intervals: { day: number; startMinute: number; endMinute: number }[];
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

/** The calendars SLA business time is counted in: the list, and a weekly schedule form that adds one. */
export const BusinessHoursForm = () => {
  const { t } = useI18n();
  const { query, create } = useSettingsCatalog<BusinessHours>('business-hours');
  const [form, setForm] = useState<BusinessHoursFormValues>(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const zones = useMemo(
    () => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Rome', 'UTC']),
    [],
  );
  const error = (field: string) => (errors[field] === undefined ? undefined : t(errors[field]));
  const setDay = (index: number, patch: Partial<OpeningHoursDay>) =>
    setForm({ ...form, days: form.days.map((day, at) => (at === index ? { ...day, ...patch } : day)) });
  return (
    <Card withBorder data-testid="business-hours-form">
      <Title order={4} mb="xs">
        {t('settings.businessHours')}
      </Title>
      <Stack gap={2} mb="sm">
        {(query.data?.items ?? []).map((hours) => (
          <Text size="xs" key={hours.id}>
            <b>{hours.name}</b> · {hours.timeZone} ·{' '}
            {hours.intervals
              .map(
                (interval) =>
                  `${t(`settings.day.${interval.day}` as 'settings.day.0').slice(0, 3)} ${clock(interval.startMinute)}–${clock(interval.endMinute)}`,
              )
              .join(', ')}
          </Text>
        ))}
      </Stack>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseBusinessHoursForm(form);
          setErrors('errors' in parsed ? parsed.errors : {});
          if ('hours' in parsed) create.mutate({ ...parsed.hours, holidays: [] }, { onSuccess: () => setForm(blank) });
          else create.reset();
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
          <SettingsFormFooter hasFieldErrors={Object.keys(errors).length > 0} save={create} testId="business-hours" />
        </Stack>
      </form>
    </Card>
  );
};
