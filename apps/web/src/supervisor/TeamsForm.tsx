import type { TeamLoadDto } from '@ascolta/contracts';
import { Card, Group, ScrollArea, Select, Stack, Table, TagsInput, TextInput, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDirectory } from '../inbox/use-directory.ts';
import { CatalogRowActions, DeleteError, EditingNotice } from './CatalogRowActions.tsx';
import { parseTeamForm, type TeamFormValues } from './catalog-validation.ts';
import { SettingsFormFooter } from './SettingsFormFooter.tsx';
import { useCatalogForm } from './use-catalog-form.ts';
import { useSettingsCatalog, useTeamChanges } from './use-supervisor.ts';

const blank: TeamFormValues = { name: '', categories: [], languages: [], businessHoursId: null };

/** Teams routing sends tickets to: the list with edit and delete, and a form that adds or replaces one. */
export const TeamsForm = () => {
  const { t } = useI18n();
  const directory = useDirectory();
  const calendars = useSettingsCatalog<{ id: string; name: string }>('business-hours').query.data?.items ?? [];
  const { editor, form, setForm, error, hasFieldErrors, edit, remove, cancel, submit } = useCatalogForm<
    TeamLoadDto,
    TeamFormValues
  >(useTeamChanges(), blank);
  const calendarName = (id: string | null) => calendars.find((calendar) => calendar.id === id)?.name ?? '';
  return (
    <Card withBorder data-testid="teams-form">
      <Title order={4} mb="xs">
        {t('settings.teamsTitle')}
      </Title>
      <ScrollArea.Autosize mah={220} mb="sm">
        <Table fz="xs" striped>
          <Table.Tbody>
            {(directory.data?.teams ?? []).map((team) => (
              <Table.Tr key={team.id}>
                <Table.Td fw={600}>{team.name}</Table.Td>
                <Table.Td>{team.categories.join(', ')}</Table.Td>
                <Table.Td>{team.languages.map((code) => code.toUpperCase()).join(', ')}</Table.Td>
                <Table.Td>{calendarName(team.businessHoursId)}</Table.Td>
                <Table.Td>
                  <CatalogRowActions
                    name={team.name}
                    onEdit={() => {
                      const { name, categories, languages, businessHoursId } = team;
                      edit(team, { name, categories, languages, businessHoursId });
                    }}
                    onDelete={() => remove(team)}
                    isDeleting={editor.isDeleting(team.id)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {editor.deleteError !== null && <DeleteError error={editor.deleteError} />}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseTeamForm(form);
          submit('team' in parsed ? { body: parsed.team } : parsed);
        }}
      >
        <Stack gap="xs">
          <Group grow align="flex-start">
            <TextInput
              name="team-name"
              label={t('settings.name')}
              value={form.name}
              onChange={(event) => setForm({ ...form, name: event.currentTarget.value })}
              error={error('name')}
            />
            <Select
              clearable
              label={t('settings.businessHours')}
              placeholder={t('settings.noHours')}
              data={calendars.map((calendar) => ({ value: calendar.id, label: calendar.name }))}
              value={form.businessHoursId}
              onChange={(businessHoursId) => setForm({ ...form, businessHoursId })}
            />
          </Group>
          <Group grow align="flex-start">
            <TagsInput
              label={t('settings.teamCategories')}
              value={[...form.categories]}
              onChange={(categories) => setForm({ ...form, categories })}
              error={error('categories')}
            />
            <TagsInput
              label={t('supervisor.agent.languages')}
              value={[...form.languages]}
              onChange={(languages) => setForm({ ...form, languages })}
              error={error('languages')}
            />
          </Group>
          {editor.editing !== null && <EditingNotice name={editor.editing.name} onCancel={cancel} />}
          <SettingsFormFooter hasFieldErrors={hasFieldErrors} save={editor.save} testId="team" />
        </Stack>
      </form>
    </Card>
  );
};
