import type { TemplateDto } from '@ascolta/contracts';
import {
  Badge,
  Card,
  Group,
  NumberInput,
  ScrollArea,
  Select,
  Stack,
  Table,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { CatalogRowActions, DeleteError, EditingNotice } from './CatalogRowActions.tsx';
import { parseTemplateForm, type TemplateFormValues, templateToForm } from './catalog-validation.ts';
import { SettingsFormFooter } from './SettingsFormFooter.tsx';
import { useCatalogForm } from './use-catalog-form.ts';
import { useSettingsCatalog } from './use-supervisor.ts';

const kinds = ['template', 'macro', 'answer'] as const;
const blank: TemplateFormValues = {
  kind: 'template',
  name: '',
  category: '',
  language: 'it',
  body: '',
  autoAnswerPercent: 90,
};

/** Templates, macros and auto-answers: the list with edit and delete, and a form that adds or replaces one. */
export const TemplatesForm = () => {
  const { t } = useI18n();
  const catalog = useSettingsCatalog<TemplateDto>('templates');
  const { editor, form, setForm, error, hasFieldErrors, edit, remove, cancel, submit } = useCatalogForm(catalog, blank);
  return (
    <Card withBorder data-testid="templates-form">
      <Title order={4} mb="xs">
        {t('settings.templates')}
      </Title>
      <ScrollArea.Autosize mah={220} mb="sm">
        <Table fz="xs" striped>
          <Table.Tbody>
            {(catalog.query.data?.items ?? []).map((template) => (
              <Table.Tr key={template.id}>
                <Table.Td>
                  <Badge size="xs" variant="light">
                    {t(`settings.kind.${template.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td fw={600}>{template.name}</Table.Td>
                <Table.Td>{template.language.toUpperCase()}</Table.Td>
                <Table.Td>{template.category ?? ''}</Table.Td>
                <Table.Td>
                  {template.autoAnswerThreshold === null ? '' : `≥ ${Math.round(template.autoAnswerThreshold * 100)}%`}
                </Table.Td>
                <Table.Td>
                  <CatalogRowActions
                    name={template.name}
                    onEdit={() => edit(template, templateToForm(template))}
                    onDelete={() => remove(template)}
                    isDeleting={editor.isDeleting(template.id)}
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
          const parsed = parseTemplateForm(form);
          submit('template' in parsed ? { body: parsed.template } : parsed);
        }}
      >
        <Stack gap="xs">
          <Group grow align="flex-start">
            <Select
              label={t('settings.kind')}
              data={kinds.map((kind) => ({ value: kind, label: t(`settings.kind.${kind}`) }))}
              value={form.kind}
              onChange={(kind) => setForm({ ...form, kind: kinds.find((item) => item === kind) ?? 'template' })}
            />
            <TextInput
              name="template-name"
              label={t('settings.name')}
              value={form.name}
              onChange={(event) => setForm({ ...form, name: event.currentTarget.value })}
              error={error('name')}
            />
            <TextInput
              label={t('settings.category')}
              value={form.category}
              onChange={(event) => setForm({ ...form, category: event.currentTarget.value })}
            />
            <TextInput
              label={t('settings.language')}
              value={form.language}
              onChange={(event) => setForm({ ...form, language: event.currentTarget.value.trim().toLowerCase() })}
              error={error('language')}
            />
            {form.kind === 'answer' && (
              <NumberInput
                label={t('settings.threshold')}
                value={form.autoAnswerPercent}
                onChange={(autoAnswerPercent) => setForm({ ...form, autoAnswerPercent })}
                error={error('autoAnswerPercent')}
              />
            )}
          </Group>
          <Textarea
            name="template-body"
            autosize
            minRows={2}
            label={t('settings.body')}
            value={form.body}
            onChange={(event) => setForm({ ...form, body: event.currentTarget.value })}
            error={error('body')}
          />
          {editor.editing !== null && <EditingNotice name={editor.editing.name} onCancel={cancel} />}
          <SettingsFormFooter hasFieldErrors={hasFieldErrors} save={editor.save} testId="template" />
        </Stack>
      </form>
    </Card>
  );
};
