import type { PrioritySettingsDto } from '@ascolta/contracts';
import { Card, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { SettingsFormFooter } from './SettingsFormFooter.tsx';
import {
  bandThresholdNames,
  type FieldErrors,
  type PriorityFormValues,
  parsePriorityForm,
  weightNames,
} from './settings-validation.ts';
import { usePrioritySettings } from './use-supervisor.ts';

const Editor = ({ saved }: { saved: PrioritySettingsDto }) => {
  const { t } = useI18n();
  const { save } = usePrioritySettings();
  const [form, setForm] = useState<PriorityFormValues>(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const error = (path: string) => {
    const key = errors[path];
    return key === undefined ? undefined : t(key);
  };
  const submit = () => {
    const parsed = parsePriorityForm(form);
    setErrors('errors' in parsed ? parsed.errors : {});
    if ('settings' in parsed) save.mutate(parsed.settings);
    else save.reset();
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {weightNames.map((name) => (
            <NumberInput
              key={name}
              label={t(`supervisor.weight.${name}`)}
              name={`weights.${name}`}
              value={form.weights[name]}
              onChange={(value) => setForm({ ...form, weights: { ...form.weights, [name]: value } })}
              error={error(`weights.${name}`)}
            />
          ))}
        </SimpleGrid>
        <Text size="sm" fw={500}>
          {t('supervisor.bands')}
        </Text>
        <SimpleGrid cols={3}>
          {bandThresholdNames.map((name) => (
            <NumberInput
              key={name}
              label={t(`band.${name}`)}
              name={`bands.${name}`}
              value={form.bands[name]}
              onChange={(value) => setForm({ ...form, bands: { ...form.bands, [name]: value } })}
              error={error(`bands.${name}`)}
            />
          ))}
        </SimpleGrid>
        <SettingsFormFooter hasFieldErrors={Object.keys(errors).length > 0} save={save} testId="priority" />
      </Stack>
    </form>
  );
};

/** Priority weights (0–100) and band thresholds, saved through `PUT /api/v1/settings/priority`. */
export const PriorityForm = () => {
  const { t } = useI18n();
  const { query } = usePrioritySettings();
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('supervisor.priority')}</Title>
        {query.isError && <ErrorState error={query.error} what="what.settings" onRetry={query.refetch} />}
        {query.data !== undefined && <Editor saved={query.data} />}
      </Stack>
    </Card>
  );
};
