import type { TicketDto } from '@ascolta/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../api/api-client.ts';
import { useApi } from '../api/api-context.tsx';

interface TicketPage {
  items: TicketDto[];
  nextCursor: string | null;
}

export const ticketsKey = ['tickets', 'open'] as const;
const openStatuses = 'new,awaiting_customer,open,pending';
/** The inbox holds every open ticket of a large team, up to this many; the list is virtualised. */
const maxTickets = 10_000;
const firstPageSize = 50;

const openTicketsPage = (api: ApiClient, limit: number, cursor: string | null, signal: AbortSignal) => {
  const params = new URLSearchParams({ status: openStatuses, limit: String(limit) });
  if (cursor !== null) params.set('cursor', cursor);
  return api.get<TicketPage>(`/api/v1/tickets?${params}`, signal);
};

/** The 50 most urgent open tickets (the server sends open work by priority): what the screen shows first. */
export const firstOpenTicketsQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: [...ticketsKey, 'first'],
    queryFn: ({ signal }) => openTicketsPage(api, firstPageSize, null, signal),
    retry: 1,
  });

/** Every open ticket, read page after page in one go, so the list re-renders once rather than per page. */
const allOpenTicketsQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: [...ticketsKey, 'all'],
    queryFn: async ({ signal }) => {
      const byId = new Map<string, TicketDto>();
      let cursor: string | null = null;
      do {
        const page: TicketPage = await openTicketsPage(api, 200, cursor, signal);
        // A ticket whose priority changed between two page reads can appear on both: keep one.
        for (const ticket of page.items) byId.set(ticket.id, ticket);
        cursor = page.nextCursor;
      } while (cursor !== null && byId.size < maxTickets);
      return [...byId.values()];
    },
    retry: 1,
  });

/**
 * Every open ticket; filtering and sorting happen in the browser so they are instant. The first 50 render at
 * once (requested with the session, see App.tsx) while the whole list loads behind them (bench `inbox`).
 */
export const useOpenTickets = (refetchIntervalMs: number | false) => {
  const api = useApi();
  const first = useQuery({ ...firstOpenTicketsQuery(api), refetchInterval: refetchIntervalMs });
  const all = useQuery({ ...allOpenTicketsQuery(api), refetchInterval: refetchIntervalMs, enabled: first.isSuccess });
  const current = all.data === undefined ? first : all;
  return {
    data: all.data ?? first.data?.items,
    isPending: first.isPending && all.isPending,
    isError: current.isError,
    isSuccess: first.isSuccess || all.isSuccess,
    error: current.error,
    refetch: () => Promise.all([first.refetch(), all.refetch()]),
    /** The whole list is still on its way: counts are still growing. */
    isLoadingMore: all.data === undefined && first.data?.nextCursor != null,
  };
};
