import type { TemplateDto, TicketDetailDto, TicketDto } from '@ascolta/contracts';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context.tsx';
import { ApiError } from '../api/api-error.ts';
import type { CustomerDetail } from '../api/pending-contracts.ts';

export const useTicket = (ticketId: string) => {
  const api = useApi();
  return useQuery({
    queryKey: ['tickets', 'detail', ticketId],
    queryFn: ({ signal }) => api.get<TicketDetailDto>(`/api/v1/tickets/${encodeURIComponent(ticketId)}`, signal),
    refetchInterval: 10_000,
  });
};

/** Identities and touchpoints; null while the server has no customer route. */
export const useCustomer = (customerId: string | null) => {
  const api = useApi();
  return useQuery({
    queryKey: ['customers', customerId],
    enabled: customerId !== null,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<CustomerDetail>(`/api/v1/customers/${encodeURIComponent(customerId ?? '')}`, signal);
      } catch (error) {
        if (error instanceof ApiError && error.isMissingRoute) return null;
        throw error;
      }
    },
  });
};

export const useCustomerTickets = (customerId: string | null) => {
  const api = useApi();
  return useQuery({
    queryKey: ['tickets', 'customer', customerId],
    enabled: customerId !== null,
    queryFn: ({ signal }) =>
      api.get<{ items: TicketDto[] }>(`/api/v1/tickets?customerId=${customerId}&limit=20`, signal),
  });
};

/** Templates (kind `template`) in the ticket's language; an empty list from a server without the route. */
export const useTemplates = (language: string) => {
  const api = useApi();
  return useQuery({
    queryKey: ['templates', language],
    queryFn: async ({ signal }) => {
      try {
        const page = await api.get<{ items: TemplateDto[] }>(
          `/api/v1/templates?language=${encodeURIComponent(language)}&kind=template`,
          signal,
        );
        return page.items;
      } catch (error) {
        if (error instanceof ApiError && error.isMissingRoute) return [];
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
};
