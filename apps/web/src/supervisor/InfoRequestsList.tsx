import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { InfoRequestForm } from './InfoRequestForm.tsx';
import { useSettingsCatalog } from './use-supervisor.ts';

interface InfoRequest {
  id: string;
  category: string;
  fields: { name: string; entity: string; label: Record<string, string>; isRequired: boolean }[];
  prompt: Record<string, string>;
}

/** Each category with the information the bot asks for before an agent sees the ticket, and a form to add one. */
export const InfoRequestsList = () => {
  const { t, language } = useI18n();
  const { query, create } = useSettingsCatalog<InfoRequest>('info-requests');
  return (
    <Card withBorder data-testid="info-requests">
      <Title order={4} mb="xs">
        {t('settings.infoRequests')}
      </Title>
      <Table fz="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('filter.category')}</Table.Th>
            <Table.Th>{t('settings.fields')}</Table.Th>
            <Table.Th>{t('settings.prompt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(query.data?.items ?? []).map((request) => (
            <Table.Tr key={request.id}>
              <Table.Td fw={600}>{request.category}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {request.fields.map((field) => (
                    <Text size="xs" key={field.name}>
                      {field.label[language] ?? Object.values(field.label)[0] ?? field.name} ({field.entity})
                      {field.isRequired ? ' *' : ''}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>{request.prompt[language] ?? Object.values(request.prompt)[0] ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <InfoRequestForm create={create} />
    </Card>
  );
};
