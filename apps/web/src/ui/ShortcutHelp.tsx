import { Kbd, Modal, Table } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/messages-en.ts';

const rows: ReadonlyArray<[string, MessageKey]> = [
  ['j', 'shortcuts.next'],
  ['k', 'shortcuts.previous'],
  ['Enter', 'shortcuts.open'],
  ['r', 'shortcuts.reply'],
  ['n', 'shortcuts.note'],
  ['a', 'shortcuts.assign'],
  ['e', 'shortcuts.resolve'],
  ['Esc', 'shortcuts.back'],
  ['?', 'shortcuts.help'],
];

export const ShortcutHelp = ({ opened, onClose }: { opened: boolean; onClose(): void }) => {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="sm">
      <Table>
        <Table.Tbody>
          {rows.map(([key, label]) => (
            <Table.Tr key={key}>
              <Table.Td w={80}>
                <Kbd>{key}</Kbd>
              </Table.Td>
              <Table.Td>{t(label)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
};
