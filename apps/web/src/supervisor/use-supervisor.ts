import type { ChannelDto, PrioritySettingsDto, SlaPolicyDto, TeamLoadDto } from '@ascolta/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context.tsx';

export const useChannels = () => {
  const api = useApi();
  return useQuery({
    queryKey: ['channels'],
    queryFn: ({ signal }) => api.get<{ items: ChannelDto[] }>('/api/v1/channels', signal),
    refetchInterval: 30_000,
  });
};

export const usePrioritySettings = () => {
  const api = useApi();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['settings', 'priority'],
    queryFn: ({ signal }) => api.get<PrioritySettingsDto>('/api/v1/settings/priority', signal),
  });
  const save = useMutation({
    mutationFn: (settings: PrioritySettingsDto) =>
      api.send<PrioritySettingsDto>('PUT', '/api/v1/settings/priority', settings),
    onSuccess: (saved) => client.setQueryData(['settings', 'priority'], saved),
  });
  return { query, save };
};

export const useSlaPolicies = () => {
  const api = useApi();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['settings', 'sla-policies'],
    queryFn: ({ signal }) => api.get<{ items: SlaPolicyDto[] }>('/api/v1/settings/sla-policies', signal),
  });
  const save = useMutation({
    mutationFn: ({ id, ...body }: SlaPolicyDto) =>
      api.send<SlaPolicyDto>('PUT', `/api/v1/settings/sla-policies/${encodeURIComponent(id)}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['settings', 'sla-policies'] }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.send<void>('DELETE', `/api/v1/settings/sla-policies/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['settings', 'sla-policies'] }),
  });
  return { query, save, remove };
};

/** A settings list (`/api/v1/settings/<name>`) and the calls that add to it, replace and delete its records. */
export const useSettingsCatalog = <T>(name: 'templates' | 'business-hours' | 'info-requests') => {
  const api = useApi();
  const client = useQueryClient();
  const key = ['settings', name];
  const path = (id: string) => `/api/v1/settings/${name}/${encodeURIComponent(id)}`;
  const refresh = () => {
    void client.invalidateQueries({ queryKey: key });
    void client.invalidateQueries({ queryKey: ['templates'] });
  };
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<{ items: T[] }>(`/api/v1/settings/${name}`, signal),
  });
  const create = useMutation({
    mutationFn: (body: unknown) => api.send<T>('POST', `/api/v1/settings/${name}`, body),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: unknown }) => api.send<T>('PUT', path(id), body),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.send<void>('DELETE', path(id)),
    onSuccess: refresh,
  });
  return { query, create, update, remove };
};

export type SettingsCatalog<T> = ReturnType<typeof useSettingsCatalog<T>>;

/** Add, replace and delete teams; the list itself is the directory's (`useDirectory`), refreshed after each. */
export const useTeamChanges = () => {
  const api = useApi();
  const client = useQueryClient();
  const path = (id: string) => `/api/v1/teams/${encodeURIComponent(id)}`;
  const refresh = () => client.invalidateQueries({ queryKey: ['directory'] });
  const create = useMutation({
    mutationFn: (body: unknown) => api.send<TeamLoadDto>('POST', '/api/v1/teams', body),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: unknown }) => api.send<TeamLoadDto>('PUT', path(id), body),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.send<void>('DELETE', path(id)),
    onSuccess: refresh,
  });
  return { create, update, remove };
};
