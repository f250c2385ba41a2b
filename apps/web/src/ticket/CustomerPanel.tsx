import type { CustomerDetailDto, TicketDetailDto } from '@ascolta/contracts';
import { Badge, Group, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useNavigate } from '../app/navigation-context.tsx';
import { useSession } from '../auth/use-session.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { PriorityBadge } from '../ui/PriorityBadge.tsx';
import { LinkSuggestions } from './LinkSuggestions.tsx';
import { useCustomer, useCustomerTouchpoints } from './use-ticket.ts';

const tierColor = { standard: 'gray', silver: 'gray', gold: 'yellow', platinum: 'violet' } as const;

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Stack gap={4}>
    <Title order={6}>{title}</Title>
    {children}
  </Stack>
);

/** Who is writing: value, influence, every identity and what happened before on any channel. */
export const CustomerPanel = ({ ticket }: { ticket: TicketDetailDto }) => {
  const { t, language } = useI18n();
  const customer = ticket.customer;
  const detail = useCustomer(customer?.id ?? null);
  const touchpoints = useCustomerTouchpoints(customer?.id ?? null);
  const session = useSession();
  if (customer === null) return null;
  const canMerge = session.data?.permissions.includes('customers.merge') === true;
  const money = new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' });
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
            t('customer.influence'),
            `${customer.followers.toLocaleString(language)} ${t('customer.followers').toLowerCase()}${customer.isVerified ? ` · ${t('customer.verified')}` : ''}`,
          )}
          {detail.data?.crmId != null && stat(t('customer.crmId'), detail.data.crmId)}
          {detail.data != null &&
            stat(t('customer.since'), new Date(detail.data.createdAt).toLocaleDateString(language))}
        </Table.Tbody>
      </Table>
      {detail.data === null && (
        <Text size="xs" c="dimmed">
          {t('app.notAvailable', { what: t('what.customer') })}
        </Text>
      )}
      {detail.data != null && <LinkSuggestions customer={detail.data} canMerge={canMerge} />}
      {detail.data != null && <CustomerHistory customer={detail.data} ticketId={ticket.id} />}
      {touchpoints.data != null && (
        <Section title={t('customer.touchpoints')}>
          {touchpoints.data.length === 0 && <Text size="xs">{t('customer.noTouchpoints')}</Text>}
          {touchpoints.data.slice(0, 10).map((touchpoint) => (
            <Text size="xs" key={touchpoint.id} data-testid="touchpoint">
              <b>{t(`touchpoint.${touchpoint.kind}`)}</b> · {new Date(touchpoint.occurredAt).toLocaleString(language)} ·{' '}
              {touchpoint.summary}
            </Text>
          ))}
        </Section>
      )}
    </Stack>
  );
};

/** Identities on every channel, satisfaction so far and the other tickets, each one click away. */
const CustomerHistory = ({ customer, ticketId }: { customer: CustomerDetailDto; ticketId: string }) => {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const others = customer.tickets.filter((item) => item.id !== ticketId);
  const { surveysAnswered, averageScore } = customer.satisfaction;
  return (
    <>
      <Section title={t('customer.identities')}>
        {customer.identities.map((identity) => (
          <Text size="xs" key={identity.id} data-testid="identity">
            {identity.channelKind === null ? identity.kind : t(`channel.${identity.channelKind}`)}:{' '}
            {identity.displayHandle ?? identity.value}
            {identity.followers > 0 && ` · ${identity.followers.toLocaleString(language)}`}
            {identity.isVerified && ` · ${t('customer.verified')}`}
          </Text>
        ))}
      </Section>
      <Section title={t('customer.satisfaction')}>
        <Text size="xs" data-testid="satisfaction">
          {surveysAnswered === 0 || averageScore === null
            ? t('customer.noSurveys')
            : t('customer.surveys', { count: surveysAnswered, score: averageScore.toFixed(1) })}
        </Text>
      </Section>
      <Section title={t('customer.pastTickets')}>
        {others.length === 0 && <Text size="xs">{t('customer.noPastTickets')}</Text>}
        {others.slice(0, 10).map((item) => (
          <UnstyledButton key={item.id} onClick={() => navigate({ name: 'ticket', ticketId: item.id })}>
            <Group gap={6} wrap="nowrap">
              <PriorityBadge band={item.priorityBand} />
              <Text size="xs" truncate>
                #{item.number} {item.subject} · {t(`status.${item.status}`)}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
      </Section>
    </>
  );
};
