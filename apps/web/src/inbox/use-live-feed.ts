import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** Seconds between refetches while the WebSocket feed is not there (yet, or after it dropped). */
export const pollSeconds = 5;

/**
 * Subscribes to `GET /api/v1/stream` and refreshes tickets on every event. Reports whether the feed is live so
 * the inbox can fall back to polling.
 */
export const useLiveFeed = (): boolean => {
  const queryClient = useQueryClient();
  const [isLive, setLive] = useState(false);
  useEffect(() => {
    let socket: WebSocket | null = null;
    let retryTimer = 0;
    let closed = false;
    const connect = () => {
      const url = new URL('/api/v1/stream', window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      socket = new WebSocket(url);
      socket.onopen = () => setLive(true);
      socket.onmessage = () => {
        void queryClient.invalidateQueries({ queryKey: ['tickets'] });
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
  return isLive;
};
