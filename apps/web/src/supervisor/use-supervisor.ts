import type { ChannelDto, PrioritySettingsDto, SlaPolicyDto } from '@ascolta/contracts';
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
  return { query, save };
};

/** A settings list (`/api/v1/settings/<name>`) and the create call that adds to it. */
export const useSettingsCatalog = <T>(name: 'templates' | 'business-hours' | 'info-requests') => {
  const api = useApi();
  const client = useQueryClient();
  const key = ['settings', name];
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<{ items: T[] }>(`/api/v1/settings/${name}`, signal),
  });
  const create = useMutation({
    mutationFn: (body: unknown) => api.send<T>('POST', `/api/v1/settings/${name}`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: ['templates'] });
    },
  });
  return { query, create };
};
