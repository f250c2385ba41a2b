import { Stack, Text } from '@mantine/core';
import type { TicketIntent } from '../app/route.ts';

export const TicketPage = ({ ticketId }: { ticketId: string; intent?: TicketIntent | undefined; agentId: string }) => (
  <Stack p="md">
    <Text>{ticketId}</Text>
  </Stack>
);
