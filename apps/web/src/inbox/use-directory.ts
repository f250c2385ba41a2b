import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context.tsx';
import { ApiError } from '../api/api-error.ts';
import type { AgentSummary, TeamSummary } from '../api/pending-contracts.ts';

interface Directory {
  agents: AgentSummary[];
  teams: TeamSummary[];
}

const listOrEmpty = async <T>(load: () => Promise<{ items: T[] }>): Promise<T[]> => {
  try {
    return (await load()).items;
  } catch (error) {
    // Names are a nicety in the inbox: without these routes the filters fall back to the ids they see.
    if (error instanceof ApiError && error.isMissingRoute) return [];
    throw error;
  }
};

/** Agents and teams, for names in filters, rows and the assign menu. */
export const useDirectory = () => {
  const api = useApi();
  return useQuery({
    queryKey: ['directory'],
    queryFn: async ({ signal }): Promise<Directory> => {
      const [agents, teams] = await Promise.all([
        listOrEmpty(() => api.get<{ items: AgentSummary[] }>('/api/v1/agents', signal)),
        listOrEmpty(() => api.get<{ items: TeamSummary[] }>('/api/v1/teams', signal)),
      ]);
      return { agents, teams };
    },
    staleTime: 5 * 60_000,
  });
};

export const nameOf = (items: readonly { id: string; name: string }[], id: string | null): string | null =>
  id === null ? null : (items.find((item) => item.id === id)?.name ?? `…${id.slice(-6)}`);
