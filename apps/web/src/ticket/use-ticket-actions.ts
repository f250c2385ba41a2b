import type { TicketDto } from '@ascolta/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context.tsx';

type Status = TicketDto['status'];

/** Assign, transfer, snooze, merge, change status, reply and note; every success refreshes the ticket and the inbox. */
export const useTicketActions = (ticketId: string) => {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['tickets'] });
  const base = `/api/v1/tickets/${encodeURIComponent(ticketId)}`;
  return {
    assign: useMutation({
      mutationFn: (assigneeId: string | null) => api.send<TicketDto>('POST', `${base}/assign`, { agentId: assigneeId }),
      onSuccess: refresh,
    }),
    setStatus: useMutation({
      mutationFn: (status: Status) => api.send<TicketDto>('POST', `${base}/status`, { status }),
      onSuccess: refresh,
    }),
    correctTriage: useMutation({
      mutationFn: (correction: { category?: string; actionable?: false }) =>
        api.send<TicketDto>('POST', `${base}/triage-correction`, correction),
      onSuccess: refresh,
    }),
    transfer: useMutation({
      // A transfer hands the ticket to the team's queue: nobody in it holds it yet.
      mutationFn: ({ teamId, notifyCustomer }: { teamId: string; notifyCustomer: boolean }) =>
        api.send<TicketDto>('POST', `${base}/assign`, { teamId, agentId: null, notifyCustomer }),
      onSuccess: refresh,
    }),
    snooze: useMutation({
      mutationFn: (until: Date) => api.send<TicketDto>('POST', `${base}/snooze`, { until: until.toISOString() }),
      onSuccess: refresh,
    }),
    merge: useMutation({
      mutationFn: (intoTicketId: string) => api.send<unknown>('POST', `${base}/merge`, { intoTicketId }),
      onSuccess: refresh,
    }),
    reply: useMutation({
      mutationFn: (body: {
        visibility: 'public' | 'private';
        text?: string;
        templateId?: string;
        variables?: Record<string, string>;
      }) => api.send<unknown>('POST', `${base}/replies`, body),
      onSuccess: refresh,
    }),
    note: useMutation({
      mutationFn: (body: { text: string }) => api.send<unknown>('POST', `${base}/notes`, body),
      onSuccess: refresh,
    }),
  };
};
