import type { IncidentDto, MessageDto } from '@ascolta/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context.tsx';

/** Open incidents; the live feed refreshes them with everything under `['supervisor']`. */
export const useOpenIncidents = () => {
  const api = useApi();
  return useQuery({
    queryKey: ['supervisor', 'incidents'],
    queryFn: ({ signal }) => api.get<{ items: IncidentDto[] }>('/api/v1/incidents?status=open', signal),
  });
};

export const usePublishSolution = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ incidentId, solution }: { incidentId: string; solution: Record<string, string> }) =>
      api.send<{ queuedMessageIds: string[]; ticketIdsNeedingAgent: string[] }>(
        'POST',
        `/api/v1/incidents/${encodeURIComponent(incidentId)}/solution`,
        { solution, resolve: true },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['supervisor'] }),
  });
};

/** The newest inbound messages triage ignored, with the reason, to audit it (one page of 200). */
export const useIgnoredPosts = () => {
  const api = useApi();
  return useQuery({
    queryKey: ['supervisor', 'ignored'],
    queryFn: async ({ signal }) => {
      const page = await api.get<{ items: MessageDto[] }>('/api/v1/messages?direction=inbound&limit=200', signal);
      return page.items.filter((message) => message.ignoredReason !== null);
    },
  });
};

export const useConvertPost = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) =>
      api.send<unknown>('POST', `/api/v1/messages/${encodeURIComponent(messageId)}/convert`, {}),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['supervisor'] });
      void client.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
};
