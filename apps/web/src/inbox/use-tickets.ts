import type { TicketDto } from '@ascolta/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
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

/**
 * Every open ticket, page after page; filtering and sorting happen in the browser so they are instant. The server
 * sends open work by priority, so the first page (the most urgent 200) renders at once and the rest stream in
 * behind it (bench `ascolta bench inbox`: the first rows no longer wait for all 10,000).
 */
export const openTicketsQuery = (api: ApiClient) =>
  infiniteQueryOptions({
    queryKey: ticketsKey,
    queryFn: ({ pageParam, signal }) => {
      // A small first page reaches the screen sooner; the rest comes in pages of 200.
      const params = new URLSearchParams({ status: openStatuses, limit: pageParam === null ? '50' : '200' });
      if (pageParam !== null) params.set('cursor', pageParam);
      return api.get<TicketPage>(`/api/v1/tickets?${params}`, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last: TicketPage, pages: TicketPage[]) =>
      pages.reduce((sum, page) => sum + page.items.length, 0) >= maxTickets
        ? undefined
        : (last.nextCursor ?? undefined),
    retry: 1,
  });

export const useOpenTickets = (refetchIntervalMs: number | false) => {
  const api = useApi();
  const query = useInfiniteQuery({ ...openTicketsQuery(api), refetchInterval: refetchIntervalMs });
  const { hasNextPage, isFetching, fetchNextPage } = query;
  // A refetch (live update) re-reads the loaded pages itself; asking for the next page meanwhile would cancel it.
  useEffect(() => {
    if (hasNextPage && !isFetching) void fetchNextPage();
  }, [hasNextPage, isFetching, fetchNextPage]);
  const tickets = useMemo(() => {
    if (query.data === undefined) return undefined;
    // A ticket whose priority changed between two page reads can appear on both: keep one.
    const byId = new Map<string, TicketDto>();
    for (const page of query.data.pages) for (const ticket of page.items) byId.set(ticket.id, ticket);
    return [...byId.values()];
  }, [query.data]);
  return {
    data: tickets,
    isPending: query.isPending,
    isError: query.isError,
    isSuccess: query.isSuccess,
    error: query.error,
    refetch: query.refetch,
    /** More pages are on their way: counts are still growing. */
    isLoadingMore: hasNextPage,
  };
};
