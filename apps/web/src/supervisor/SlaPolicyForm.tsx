import type { SlaPolicyDto } from '@ascolta/contracts';
import { Card, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { CatalogRowActions, DeleteError } from './CatalogRowActions.tsx';
import { SettingsFormFooter } from './SettingsFormFooter.tsx';
import { type FieldErrors, parseTargetsForm, slaBands, type TargetsForm, targetNames } from './settings-validation.ts';
import { useSlaPolicies } from './use-supervisor.ts';

const targetLabels = {
  firstResponseMinutes: 'supervisor.firstResponse',
  nextResponseMinutes: 'supervisor.nextResponse',
  resolutionMinutes: 'supervisor.resolution',
} as const;

const Editor = ({ policy }: { policy: SlaPolicyDto }) => {
  const { t } = useI18n();
  const { save } = useSlaPolicies();
  const [form, setForm] = useState<TargetsForm>(policy.targets);
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = () => {
    const parsed = parseTargetsForm(form);
    setErrors('errors' in parsed ? parsed.errors : {});
    if ('targets' in parsed) save.mutate({ ...policy, targets: parsed.targets });
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
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {targetNames.map((name) => (
                <Table.Th key={name}>{t(targetLabels[name])}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {slaBands.map((band) => (
              <Table.Tr key={band}>
                <Table.Td>{t(`band.${band}`)}</Table.Td>
                {targetNames.map((name) => {
                  const error = errors[`targets.${band}.${name}`];
                  return (
                    <Table.Td key={name}>
                      <NumberInput
                        size="xs"
                        name={`targets.${band}.${name}`}
                        aria-label={`${t(`band.${band}`)} · ${t(targetLabels[name])}`}
                        value={form[band][name]}
                        onChange={(value) => setForm({ ...form, [band]: { ...form[band], [name]: value } })}
                        error={error === undefined ? undefined : t(error)}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <SettingsFormFooter hasFieldErrors={Object.keys(errors).length > 0} save={save} testId="sla" />
      </Stack>
    </form>
  );
};

/** One SLA policy's targets per band, saved through `PUT /api/v1/settings/sla-policies/:id`; or deleted. */
export const SlaPolicyForm = () => {
  const { t } = useI18n();
  const { query, remove } = useSlaPolicies();
  const policies = query.data?.items ?? [];
  const [chosenId, setChosenId] = useState<string | null>(null);
  const policy = policies.find((item) => item.id === chosenId) ?? policies[0];
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('supervisor.sla')}</Title>
          {policy !== undefined && (
            <CatalogRowActions
              name={policy.name}
              onDelete={() => remove.mutate(policy.id, { onSuccess: () => setChosenId(null) })}
              isDeleting={remove.isPending}
            />
          )}
        </Group>
        {remove.isError && <DeleteError error={remove.error} />}
        {query.isError && <ErrorState error={query.error} what="what.settings" onRetry={query.refetch} />}
        {query.isSuccess && policies.length === 0 && <Text c="dimmed">{t('supervisor.noPolicies')}</Text>}
        {policies.length > 1 && (
          <Select
            label={t('supervisor.policy')}
            data={policies.map((item) => ({ value: item.id, label: item.name }))}
            value={policy?.id ?? null}
            onChange={setChosenId}
            allowDeselect={false}
          />
        )}
        {policy !== undefined && <Editor key={policy.id} policy={policy} />}
      </Stack>
    </Card>
  );
};
