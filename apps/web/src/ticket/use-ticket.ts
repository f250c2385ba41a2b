import type {
  CustomerDetailDto,
  CustomerTimeline,
  IncidentDto,
  TemplateDto,
  TicketDetailDto,
  TouchpointDto,
} from '@ascolta/contracts';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context.tsx';
import { ApiError } from '../api/api-error.ts';

export const useTicket = (ticketId: string) => {
  const api = useApi();
  return useQuery({
    queryKey: ['tickets', 'detail', ticketId],
    queryFn: ({ signal }) => api.get<TicketDetailDto>(`/api/v1/tickets/${encodeURIComponent(ticketId)}`, signal),
    refetchInterval: 10_000,
  });
};

/** The customer with identities, past tickets and satisfaction; null from a server without the route. */
export const useCustomer = (customerId: string | null) => {
  const api = useApi();
  return useQuery({
    queryKey: ['customers', customerId],
    enabled: customerId !== null,
    queryFn: ({ signal }) =>
      orNullWithoutRoute(() =>
        api.get<CustomerDetailDto>(`/api/v1/customers/${encodeURIComponent(customerId ?? '')}`, signal),
      ),
  });
};

/** Touchpoints other systems logged (calls, orders, visits), newest first. */
export const useCustomerTouchpoints = (customerId: string | null) => {
  const api = useApi();
  return useQuery({
    queryKey: ['customers', customerId, 'timeline'],
    enabled: customerId !== null,
    queryFn: async ({ signal }): Promise<TouchpointDto[] | null> => {
      const timeline = await orNullWithoutRoute(() =>
        api.get<CustomerTimeline>(`/api/v1/customers/${encodeURIComponent(customerId ?? '')}/timeline`, signal),
      );
      return timeline?.items.flatMap((entry) => (entry.kind === 'touchpoint' ? [entry.touchpoint] : [])) ?? null;
    },
  });
};

const orNullWithoutRoute = async <T>(load: () => Promise<T>): Promise<T | null> => {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.isMissingRoute) return null;
    throw error;
  }
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

/** The incident a ticket is linked to, with its published solution by language (null: none). */
export const useIncident = (incidentId: string | null) => {
  const api = useApi();
  return useQuery({
    queryKey: ['incidents', incidentId],
    enabled: incidentId !== null,
    queryFn: async ({ signal }) => {
      const list = await api.get<{ items: IncidentDto[] }>('/api/v1/incidents', signal);
      return list.items.find((incident) => incident.id === incidentId) ?? null;
    },
    staleTime: 60_000,
  });
};
