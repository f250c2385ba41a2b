import type { TicketDetailDto } from '@ascolta/contracts';
import { Badge, Group, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useNavigate } from '../app/navigation-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { PriorityBadge } from '../ui/PriorityBadge.tsx';
import { useCustomer, useCustomerTickets } from './use-ticket.ts';

const tierColor = { standard: 'gray', silver: 'gray', gold: 'yellow', platinum: 'violet' } as const;

/** Who is writing: value, influence, every identity and what happened before on any channel. */
export const CustomerPanel = ({ ticket }: { ticket: TicketDetailDto }) => {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const customer = ticket.customer;
  const detail = useCustomer(customer?.id ?? null);
  const past = useCustomerTickets(customer?.id ?? null);
  if (customer === null) return null;
  const money = new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' });
  const others = (past.data?.items ?? []).filter((item) => item.id !== ticket.id);
  const stat = (label: string, value: string) => (
    <Table.Tr>
      <Table.Td c="dimmed">{label}</Table.Td>
      <Table.Td fw={600}>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="xs" data-testid="customer-panel">
      <Group justify="space-between">
        <Title order={5}>{customer.displayName}</Title>
        <Badge color={tierColor[customer.valueTier]}>{t(`tier.${customer.valueTier}`)}</Badge>
      </Group>
      <Table fz="xs">
        <Table.Tbody>
          {stat(t('customer.lifetimeValue'), money.format(customer.lifetimeValueCents / 100))}
          {stat(t('customer.purchases'), String(customer.purchasesCount))}
          {stat(
            t('customer.followers'),
            `${customer.followers.toLocaleString(language)}${customer.isVerified ? ` · ${t('customer.verified')}` : ''}`,
          )}
        </Table.Tbody>
      </Table>
      {detail.data?.identities !== undefined && (
        <>
          <Title order={6}>{t('customer.identities')}</Title>
          {detail.data.identities.map((identity) => (
            <Text size="xs" key={identity.id}>
              {identity.channelKind ?? identity.kind}: {identity.displayHandle ?? identity.value}
            </Text>
          ))}
        </>
      )}
      {detail.data?.touchpoints !== undefined && (
        <>
          <Title order={6}>{t('customer.touchpoints')}</Title>
          {detail.data.touchpoints.length === 0 && <Text size="xs">{t('customer.noTouchpoints')}</Text>}
          {detail.data.touchpoints.map((touchpoint) => (
            <Text size="xs" key={touchpoint.id} data-testid="touchpoint">
              <b>{t(`touchpoint.${touchpoint.kind}`)}</b> · {new Date(touchpoint.occurredAt).toLocaleString(language)} ·{' '}
              {touchpoint.summary}
            </Text>
          ))}
        </>
      )}
      {detail.data === null && (
        <Text size="xs" c="dimmed">
          {t('app.notAvailable', { what: t('what.customer') })}
        </Text>
      )}
      <Title order={6}>{t('customer.pastTickets')}</Title>
      {others.length === 0 && <Text size="xs">{t('customer.noPastTickets')}</Text>}
      {others.map((item) => (
        <UnstyledButton key={item.id} onClick={() => navigate({ name: 'ticket', ticketId: item.id })}>
          <Group gap={6} wrap="nowrap">
            <PriorityBadge band={item.priorityBand} />
            <Text size="xs" truncate>
              #{item.number} {item.subject} · {t(`status.${item.status}`)}
            </Text>
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
};
