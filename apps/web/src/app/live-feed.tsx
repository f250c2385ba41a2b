import type { StreamMessage } from '@ascolta/contracts';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

/** Seconds between refetches while the WebSocket feed is not there (yet, or after it dropped). */
export const pollSeconds = 5;

const LiveContext = createContext(false);

/** Whether the realtime feed is connected; screens poll every `pollSeconds` while it is not. */
export const useIsLive = () => useContext(LiveContext);

/** Query keys an event makes stale: ticket lists and details, agent and team load, today's figures. */
const staleAfterEvent = [['tickets'], ['directory'], ['supervisor'], ['reports', 'today']] as const;

// Bursts (a scenario, a bulk action) arrive as dozens of events in a second: refetch once per burst.
const refreshDelayMs = 250;

const scheduleRefresh = (queryClient: QueryClient) => {
  let timer = 0;
  return () => {
    if (timer !== 0) return;
    timer = window.setTimeout(() => {
      timer = 0;
      for (const queryKey of staleAfterEvent) void queryClient.invalidateQueries({ queryKey: [...queryKey] });
    }, refreshDelayMs);
  };
};

/**
 * One subscription to `GET /api/v1/stream` for the signed-in app: every domain event refreshes the inbox, the
 * open ticket, the supervisor's load panel and today's figures, without polling.
 */
export const LiveFeedProvider = ({ children }: { children: ReactNode }) => {
  const queryClient = useQueryClient();
  const [isLive, setLive] = useState(false);
  useEffect(() => {
    let socket: WebSocket | null = null;
    let retryTimer = 0;
    let closed = false;
    const refresh = scheduleRefresh(queryClient);
    const connect = () => {
      const url = new URL('/api/v1/stream', window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      socket = new WebSocket(url);
      socket.onopen = () => setLive(true);
      socket.onmessage = (frame) => {
        const message = parseFrame(frame.data);
        if (message?.type === 'event') refresh();
      };
      socket.onclose = () => {
        setLive(false);
        if (!closed) retryTimer = window.setTimeout(connect, 30_000);
      };
    };
    connect();
    return () => {
      closed = true;
      window.clearTimeout(retryTimer);
      socket?.close();
    };
  }, [queryClient]);
  return <LiveContext.Provider value={isLive}>{children}</LiveContext.Provider>;
};

const parseFrame = (data: unknown): StreamMessage | null => {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data) as StreamMessage;
  } catch {
    return null;
  }
};
