import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { CatalogRowActions, DeleteError } from './CatalogRowActions.tsx';
import { type InfoRequest, InfoRequestForm } from './InfoRequestForm.tsx';
import { useCatalogEditing } from './use-catalog-editing.ts';
import { useSettingsCatalog } from './use-supervisor.ts';

/**
 * Each category with the information the bot asks for before an agent sees the ticket, with edit and delete,
 * and a form that adds or replaces one.
 */
export const InfoRequestsList = () => {
  const { t, language } = useI18n();
  const catalog = useSettingsCatalog<InfoRequest>('info-requests');
  const editor = useCatalogEditing(catalog);
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
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(catalog.query.data?.items ?? []).map((request) => (
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
              <Table.Td>
                <CatalogRowActions
                  name={request.category}
                  onEdit={() => editor.startEditing(request)}
                  onDelete={() => editor.remove(request, () => undefined)}
                  isDeleting={editor.isDeleting(request.id)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editor.deleteError !== null && <DeleteError error={editor.deleteError} />}
      <InfoRequestForm key={editor.editing?.id ?? 'new'} editor={editor} />
    </Card>
  );
};
