import { useState } from 'react';
import type { SettingsCatalog } from './use-supervisor.ts';

/**
 * One settings form that adds records and, after "Edit" on a row, replaces that record instead; "Delete" on a
 * row removes it. `save` is the call the form's footer reports on: the last one submitted.
 */
export const useCatalogEditing = <T extends { id: string }>(
  catalog: Pick<SettingsCatalog<T>, 'create' | 'update' | 'remove'>,
) => {
  const [editing, setEditing] = useState<T | null>(null);
  const [lastSave, setLastSave] = useState<'create' | 'update'>('create');
  const resetSaves = () => {
    catalog.create.reset();
    catalog.update.reset();
  };
  return {
    editing,
    save: lastSave === 'update' ? catalog.update : catalog.create,
    /** Adds `body`, or replaces the record being edited; `onSaved` clears the form. */
    submit(body: unknown, onSaved: () => void) {
      const done = () => {
        setEditing(null);
        onSaved();
      };
      if (editing === null) {
        setLastSave('create');
        catalog.create.mutate(body, { onSuccess: done });
      } else {
        setLastSave('update');
        catalog.update.mutate({ id: editing.id, body }, { onSuccess: done });
      }
    },
    startEditing(record: T) {
      resetSaves();
      setEditing(record);
    },
    stopEditing() {
      resetSaves();
      setEditing(null);
    },
    /** Deletes the record; a 409 (still in use) stays in `deleteError` with the server's explanation. */
    remove(record: T, onRemoved: () => void) {
      catalog.remove.mutate(record.id, {
        onSuccess: () => {
          if (editing?.id === record.id) {
            setEditing(null);
            onRemoved();
          }
        },
      });
    },
    isDeleting: (id: string) => catalog.remove.isPending && catalog.remove.variables === id,
    deleteError: catalog.remove.isError ? catalog.remove.error : null,
    resetSaves,
  };
};
