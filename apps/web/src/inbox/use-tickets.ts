import type { TicketDto } from '@ascolta/contracts';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context.tsx';

interface TicketPage {
  items: TicketDto[];
  nextCursor: string | null;
}

export const ticketsKey = ['tickets', 'open'] as const;
const openStatuses = 'new,awaiting_customer,open,pending';
/** 50 pages of 200: the inbox holds every open ticket of a large team; the list is virtualised. */
const maxPages = 50;

/** Every open ticket, page after page; filtering and sorting happen in the browser so they are instant. */
export const useOpenTickets = (refetchIntervalMs: number | false) => {
  const api = useApi();
  return useQuery({
    queryKey: ticketsKey,
    queryFn: async ({ signal }) => {
      const items: TicketDto[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < maxPages; page += 1) {
        const query = new URLSearchParams({ status: openStatuses, limit: '200' });
        if (cursor !== null) query.set('cursor', cursor);
        const result: TicketPage = await api.get<TicketPage>(`/api/v1/tickets?${query}`, signal);
        items.push(...result.items);
        cursor = result.nextCursor;
        if (cursor === null) break;
      }
      return items;
    },
    refetchInterval: refetchIntervalMs,
    retry: 1,
  });
};
