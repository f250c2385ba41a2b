import type { AgentLoadDto, TeamLoadDto } from '@ascolta/contracts';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context.tsx';
import { ApiError } from '../api/api-error.ts';

interface Directory {
  agents: AgentLoadDto[];
  teams: TeamLoadDto[];
}

const listOrEmpty = async <T>(load: () => Promise<{ items: T[] }>): Promise<T[]> => {
  try {
    return (await load()).items;
  } catch (error) {
    // Names are a nicety in the inbox: an older server without these routes leaves the ids the filters see.
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
        listOrEmpty(() => api.get<{ items: AgentLoadDto[] }>('/api/v1/agents', signal)),
        listOrEmpty(() => api.get<{ items: TeamLoadDto[] }>('/api/v1/teams', signal)),
      ]);
      return { agents, teams };
    },
    // Load changes as tickets move: the live feed invalidates it on every event (app/live-feed.tsx); this
    // interval only covers a dropped feed.
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
};

export const nameOf = (items: readonly { id: string; name: string }[], id: string | null): string | null =>
  id === null ? null : (items.find((item) => item.id === id)?.name ?? `…${id.slice(-6)}`);
