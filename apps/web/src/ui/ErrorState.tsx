import { Alert, Button, Stack } from '@mantine/core';
import { ApiError } from '../api/api-error.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/messages-en.ts';

interface ErrorStateProps {
  error: unknown;
  /** What the missing endpoint would provide, for the "not available yet" sentence. */
  what?: MessageKey;
  onRetry?: () => void;
}

/** A failed load: "not available yet" for routes the server does not have, otherwise the error and a retry. */
export const ErrorState = ({ error, what = 'what.tickets', onRetry }: ErrorStateProps) => {
  const { t } = useI18n();
  if (error instanceof ApiError && error.isMissingRoute) {
    return (
      <Alert color="gray" data-testid="not-available">
        {t('app.notAvailable', { what: t(what) })}
      </Alert>
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Stack gap="xs" align="flex-start">
      <Alert color="red" role="alert">
        {t('app.error', { message })}
      </Alert>
      {onRetry !== undefined && (
        <Button variant="light" size="xs" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      )}
    </Stack>
  );
};
