import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { FieldErrors } from './settings-validation.ts';
import { useCatalogEditing } from './use-catalog-editing.ts';
import type { SettingsCatalog } from './use-supervisor.ts';

/**
 * The state of a settings form beside its list: the values, their field errors, and `useCatalogEditing` for
 * adding, replacing (after "Edit" on a row) and deleting records. Every way back to adding starts from `blank`.
 */
export const useCatalogForm = <T extends { id: string }, V>(
  catalog: Pick<SettingsCatalog<T>, 'create' | 'update' | 'remove'>,
  blank: V,
) => {
  const { t } = useI18n();
  const editor = useCatalogEditing<T>(catalog);
  const [form, setForm] = useState<V>(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const clear = () => {
    setForm(blank);
    setErrors({});
  };
  return {
    editor,
    form,
    setForm,
    /** The translated error of one field, if it has one. */
    error: (field: string) => (errors[field] === undefined ? undefined : t(errors[field])),
    hasFieldErrors: Object.keys(errors).length > 0,
    /** "Edit" on a row: the form shows `values`, the record's own. */
    edit(record: T, values: V) {
      editor.startEditing(record);
      setForm(values);
      setErrors({});
    },
    remove: (record: T) => editor.remove(record, clear),
    cancel() {
      editor.stopEditing();
      clear();
    },
    /** Shows the parsed form's field errors, or saves its `body` (a new record, or the one being edited). */
    submit(parsed: { errors: FieldErrors } | { body: unknown }) {
      setErrors('errors' in parsed ? parsed.errors : {});
      if ('body' in parsed) editor.submit(parsed.body, clear);
      else editor.resetSaves();
    },
  };
};
