import { Alert, Button, Group, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';

interface SaveState {
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  error: unknown;
}

/** The end of every settings form: the field-errors notice, the server's error, Save and "saved". */
export const SettingsFormFooter = ({
  hasFieldErrors,
  save,
  testId,
}: {
  hasFieldErrors: boolean;
  save: SaveState;
  /** `save-<testId>` on the button, `<testId>-saved` on the confirmation. */
  testId: string;
}) => {
  const { t } = useI18n();
  return (
    <>
      {hasFieldErrors && <Alert color="red">{t('supervisor.fixErrors')}</Alert>}
      {save.isError && <ErrorState error={save.error} what="what.settings" />}
      <Group>
        <Button type="submit" loading={save.isPending} data-testid={`save-${testId}`}>
          {t('supervisor.save')}
        </Button>
        {save.isSuccess && (
          <Text size="sm" c="green" data-testid={`${testId}-saved`}>
            {t('supervisor.saved')}
          </Text>
        )}
      </Group>
    </>
  );
};
