import type { ReportBody, ReportMetaDto, ReportName, ReportTicketRowDto, ReportTodayDto } from '@ascolta/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context.tsx';
import { type ReportSelection, reportParams, reportPath } from './report-query.ts';

export interface ReportResponse<N extends ReportName> {
  meta: ReportMetaDto;
  report: ReportBody<N>;
}

/** One named report for the selection; the previous figures stay on screen while new ones load. */
export const useReport = <N extends ReportName>(name: N, selection: ReportSelection, enabled: boolean) => {
  const api = useApi();
  return useQuery({
    queryKey: ['reports', name, reportParams(selection).toString()],
    queryFn: ({ signal }) => api.get<ReportResponse<N>>(reportPath(name, selection), signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
};

export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Today's figures for the supervisor console; the live feed invalidates `['reports', 'today']` on every event. */
export const useTodayFigures = () => {
  const api = useApi();
  return useQuery({
    queryKey: ['reports', 'today'],
    queryFn: ({ signal }) =>
      api.get<ReportTodayDto>(`/api/v1/reports/today?timeZone=${encodeURIComponent(browserTimeZone())}`, signal),
    refetchInterval: 60_000,
  });
};

/** The tickets behind a chart point (`GET /api/v1/reports/tickets` with the drill-down's query string). */
export const useReportTickets = (query: string) => {
  const api = useApi();
  return useQuery({
    queryKey: ['reports', 'tickets', query],
    queryFn: ({ signal }) =>
      api.get<{ items: ReportTicketRowDto[]; nextCursor: string | null }>(
        `/api/v1/reports/tickets?${query}&limit=500`,
        signal,
      ),
  });
};
