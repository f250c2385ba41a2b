import { entityKinds } from '@ascolta/core';
import { Button, Checkbox, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { EditingNotice } from './CatalogRowActions.tsx';
import {
  type InfoFieldValues,
  type InfoRequestFormValues,
  infoRequestToForm,
  parseInfoRequestForm,
} from './catalog-validation.ts';
import { SettingsFormFooter } from './SettingsFormFooter.tsx';
import type { FieldErrors } from './settings-validation.ts';
import type { useCatalogEditing } from './use-catalog-editing.ts';

const entities = [...entityKinds, 'free-text'];
const blankField: InfoFieldValues = { name: '', entity: 'order-number', labelIt: '', labelEn: '', isRequired: true };
const blank: InfoRequestFormValues = {
  category: '',
  fields: [blankField],
  promptIt: '',
  promptEn: '',
  reminderAfterMinutes: 240,
};

export interface InfoRequest {
  id: string;
  category: string;
  fields: { name: string; entity: string; label: Record<string, string>; isRequired: boolean }[];
  prompt: Record<string, string>;
  publicAcknowledgement: Record<string, string>;
  reminderAfterMinutes: number;
}

/**
 * Adds a category's info request (the fields the bot collects before an agent sees the ticket), or replaces
 * the one being edited: give it `key={editing id}` so it starts from that record.
 */
export const InfoRequestForm = ({ editor }: { editor: ReturnType<typeof useCatalogEditing<InfoRequest>> }) => {
  const { t } = useI18n();
  const { editing } = editor;
  const [form, setForm] = useState<InfoRequestFormValues>(editing === null ? blank : infoRequestToForm(editing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const error = (field: string) => (errors[field] === undefined ? undefined : t(errors[field]));
  const setField = (index: number, patch: Partial<InfoFieldValues>) =>
    setForm({ ...form, fields: form.fields.map((field, at) => (at === index ? { ...field, ...patch } : field)) });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseInfoRequestForm(form);
        setErrors('errors' in parsed ? parsed.errors : {});
        // The form writes no public acknowledgement yet: an edit keeps the request's own.
        const kept = { publicAcknowledgement: editing?.publicAcknowledgement ?? {} };
        if ('request' in parsed) editor.submit({ ...parsed.request, ...kept }, () => setForm(blank));
        else editor.resetSaves();
      }}
    >
      <Stack gap="xs" mt="sm">
        <Group grow align="flex-start">
          <TextInput
            name="info-category"
            label={t('filter.category')}
            value={form.category}
            onChange={(event) => setForm({ ...form, category: event.currentTarget.value })}
            error={error('category')}
          />
          <NumberInput
            label={t('settings.reminder')}
            value={form.reminderAfterMinutes}
            onChange={(reminderAfterMinutes) => setForm({ ...form, reminderAfterMinutes })}
            error={error('reminderAfterMinutes')}
          />
        </Group>
        {form.fields.map((field, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fields have no identity until saved; rows are only appended
          <Group key={index} grow align="flex-start">
            <TextInput
              label={t('settings.fieldNameLabel')}
              value={field.name}
              onChange={(event) => setField(index, { name: event.currentTarget.value.trim() })}
              error={error(`fields.${index}.name`)}
            />
            <Select
              label={t('settings.entity')}
              data={entities}
              value={field.entity}
              onChange={(entity) => setField(index, { entity: entity ?? 'free-text' })}
            />
            <TextInput
              label={t('settings.labelIt')}
              value={field.labelIt}
              onChange={(event) => setField(index, { labelIt: event.currentTarget.value })}
              error={error(`fields.${index}.label`)}
            />
            <TextInput
              label={t('settings.labelEn')}
              value={field.labelEn}
              onChange={(event) => setField(index, { labelEn: event.currentTarget.value })}
            />
            <Checkbox
              mt={28}
              label={t('settings.required')}
              checked={field.isRequired}
              onChange={(event) => setField(index, { isRequired: event.currentTarget.checked })}
            />
          </Group>
        ))}
        <Group>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={form.fields.length >= 20}
            onClick={() => setForm({ ...form, fields: [...form.fields, blankField] })}
          >
            {t('settings.addField')}
          </Button>
        </Group>
        <Textarea
          autosize
          label={t('settings.promptIt')}
          value={form.promptIt}
          onChange={(event) => setForm({ ...form, promptIt: event.currentTarget.value })}
          error={error('prompt')}
        />
        <Textarea
          autosize
          label={t('settings.promptEn')}
          value={form.promptEn}
          onChange={(event) => setForm({ ...form, promptEn: event.currentTarget.value })}
        />
        {editing !== null && <EditingNotice name={editing.category} onCancel={editor.stopEditing} />}
        <SettingsFormFooter hasFieldErrors={Object.keys(errors).length > 0} save={editor.save} testId="info-request" />
      </Stack>
    </form>
  );
};
