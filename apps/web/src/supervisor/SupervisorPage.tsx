import { Stack, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';

export const SupervisorPage = () => {
  const { t } = useI18n();
  return (
    <Stack p="md">
      <Title order={3}>{t('supervisor.title')}</Title>
    </Stack>
  );
};
