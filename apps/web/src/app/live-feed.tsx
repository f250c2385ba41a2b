import type { StreamEventDto, StreamMessage } from '@ascolta/contracts';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';

/** Seconds between refetches while the WebSocket feed is not there (yet, or after it dropped). */
export const pollSeconds = 5;

/** A note that @mentions the signed-in agent, as the feed brought it. */
export interface Mention {
  eventId: string;
  ticketId: string;
  text: string;
  occurredAt: string;
}

interface LiveFeed {
  isLive: boolean;
  mentions: readonly Mention[];
  clearMentions(): void;
}

const LiveContext = createContext<LiveFeed>({ isLive: false, mentions: [], clearMentions: () => undefined });

/** Whether the realtime feed is connected; screens poll every `pollSeconds` while it is not. */
export const useIsLive = () => useContext(LiveContext).isLive;

/** Notes mentioning the signed-in agent since the app opened (newest first). */
export const useMentions = () => {
  const { mentions, clearMentions } = useContext(LiveContext);
  return { mentions, clearMentions };
};

const mentionFor = (event: StreamEventDto, agentId: string): Mention | null => {
  if (event.type !== 'ticket.note-added' || event.ticketId === null) return null;
  const mentioned = event.data.mentionedAgentIds;
  if (!Array.isArray(mentioned) || !mentioned.includes(agentId)) return null;
  const text = typeof event.data.text === 'string' ? event.data.text : '';
  return { eventId: event.id, ticketId: event.ticketId, text, occurredAt: event.occurredAt };
};

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
 * open ticket, the supervisor's load panel and today's figures, without polling; notes that @mention the agent
 * are kept for the header's mentions menu.
 */
export const LiveFeedProvider = ({ agentId, children }: { agentId: string; children: ReactNode }) => {
  const queryClient = useQueryClient();
  const [isLive, setLive] = useState(false);
  const [mentions, setMentions] = useState<readonly Mention[]>([]);
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
        if (message?.type !== 'event') return;
        refresh();
        const mention = mentionFor(message.event, agentId);
        if (mention !== null)
          setMentions((list) => [mention, ...list.filter((item) => item.eventId !== mention.eventId)]);
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
  }, [queryClient, agentId]);
  const value = useMemo(() => ({ isLive, mentions, clearMentions: () => setMentions([]) }), [isLive, mentions]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
};

const parseFrame = (data: unknown): StreamMessage | null => {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data) as StreamMessage;
  } catch {
    return null;
  }
};
