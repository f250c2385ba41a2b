import type { AgentLoadDto } from '@ascolta/contracts';
import { Card, Group, MultiSelect, NumberInput, Select, Stack, TagsInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/api-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDirectory } from '../inbox/use-directory.ts';
import { type AgentFormValues, type AgentPatch, parseAgentForm } from './agent-validation.ts';
import { SettingsFormFooter } from './SettingsFormFooter.tsx';
import type { FieldErrors } from './settings-validation.ts';

const Editor = ({ agent }: { agent: AgentLoadDto }) => {
  const { t } = useI18n();
  const api = useApi();
  const client = useQueryClient();
  const directory = useDirectory();
  const [form, setForm] = useState<AgentFormValues>(agent);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (patch: AgentPatch) => api.send('PATCH', `/api/v1/agents/${encodeURIComponent(agent.id)}`, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: ['directory'] }),
  });
  const error = (field: string) => (errors[field] === undefined ? undefined : t(errors[field]));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseAgentForm(form);
        setErrors('errors' in parsed ? parsed.errors : {});
        if ('patch' in parsed) save.mutate(parsed.patch);
        else save.reset();
      }}
    >
      <Stack gap="sm">
        <Group grow align="flex-start">
          <NumberInput
            name="capacity"
            label={t('supervisor.agent.capacity')}
            value={form.capacity}
            onChange={(capacity) => setForm({ ...form, capacity })}
            error={error('capacity')}
          />
          <TagsInput
            label={t('supervisor.agent.languages')}
            value={[...form.languages]}
            onChange={(languages) => setForm({ ...form, languages })}
            error={error('languages')}
          />
        </Group>
        <TagsInput
          label={t('supervisor.agent.skills')}
          value={[...form.skills]}
          onChange={(skills) => setForm({ ...form, skills })}
          error={error('skills')}
        />
        <MultiSelect
          label={t('supervisor.teams')}
          data={(directory.data?.teams ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={[...form.teamIds]}
          onChange={(teamIds) => setForm({ ...form, teamIds })}
        />
        <SettingsFormFooter hasFieldErrors={Object.keys(errors).length > 0} save={save} testId="agent" />
      </Stack>
    </form>
  );
};

/** Agents' capacity, skills, languages and teams: what routing matches tickets against. */
export const AgentForm = () => {
  const { t } = useI18n();
  const directory = useDirectory();
  const [agentId, setAgentId] = useState<string | null>(null);
  const agent = directory.data?.agents.find((item) => item.id === agentId);
  return (
    <Card withBorder data-testid="agent-form">
      <Title order={4} mb="xs">
        {t('supervisor.agent.title')}
      </Title>
      <Select
        label={t('supervisor.agent')}
        searchable
        data={(directory.data?.agents ?? []).map((item) => ({ value: item.id, label: item.name }))}
        value={agentId}
        onChange={setAgentId}
        mb="sm"
      />
      {agent !== undefined && <Editor key={agent.id} agent={agent} />}
    </Card>
  );
};
