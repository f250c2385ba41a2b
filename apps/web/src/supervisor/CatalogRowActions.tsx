import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../api/api-error.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';

/**
 * Edit and delete for one settings record. Delete asks once more in place (the button turns red and says so)
 * rather than in a dialog: a slip of the mouse never deletes, and nothing covers the list.
 */
export const CatalogRowActions = ({
  name,
  onEdit,
  onDelete,
  isDeleting,
}: {
  /** The record's name, for screen readers: "Edit Night desk". */
  name: string;
  /** Absent: the form cannot show this record (the API can still change it). */
  onEdit?: (() => void) | undefined;
  onDelete: () => void;
  isDeleting: boolean;
}) => {
  const { t } = useI18n();
  const [isConfirming, setConfirming] = useState(false);
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {onEdit !== undefined && (
        <Button size="compact-xs" variant="subtle" aria-label={`${t('settings.edit')} ${name}`} onClick={onEdit}>
          {t('settings.edit')}
        </Button>
      )}
      {isConfirming ? (
        <>
          <Button
            size="compact-xs"
            color="red"
            loading={isDeleting}
            aria-label={`${t('settings.confirmDelete')} ${name}`}
            onClick={() => {
              setConfirming(false);
              onDelete();
            }}
          >
            {t('settings.confirmDelete')}
          </Button>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setConfirming(false)}>
            {t('settings.cancel')}
          </Button>
        </>
      ) : (
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          loading={isDeleting}
          aria-label={`${t('settings.delete')} ${name}`}
          onClick={() => setConfirming(true)}
        >
          {t('settings.delete')}
        </Button>
      )}
    </Group>
  );
};

/** Above a form's footer while it replaces a record: which one, and a way back to adding. */
export const EditingNotice = ({ name, onCancel }: { name: string; onCancel: () => void }) => {
  const { t } = useI18n();
  return (
    <Group gap="xs" data-testid="editing-notice">
      <Text size="sm" fw={600}>
        {t('settings.editing', { name })}
      </Text>
      <Button size="compact-xs" variant="subtle" color="gray" onClick={onCancel}>
        {t('settings.cancel')}
      </Button>
    </Group>
  );
};

/** A failed delete: a record still in use (409) is not an error of the app, so it reads as a plain refusal. */
export const DeleteError = ({ error }: { error: unknown }) => {
  const { t } = useI18n();
  if (isApiError(error) && error.code === 'conflict') {
    return (
      <Alert color="orange" role="alert" data-testid="delete-refused">
        {t('settings.deleteRefused', { message: error.message })}
      </Alert>
    );
  }
  return <ErrorState error={error} what="what.settings" />;
};
