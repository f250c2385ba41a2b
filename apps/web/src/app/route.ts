/** What the agent pressed in the inbox before the ticket opened: the ticket view focuses that control. */
export type TicketIntent = 'reply' | 'note' | 'assign';

export type Route =
  | { name: 'inbox' }
  | { name: 'ticket'; ticketId: string; intent?: TicketIntent }
  | { name: 'supervisor' };

/** The screen for a URL path; anything unknown lands on the inbox. */
export const parseRoute = (path: string): Route => {
  const ticket = /^\/tickets\/([^/]+)\/?$/.exec(path);
  if (ticket?.[1] !== undefined) return { name: 'ticket', ticketId: decodeURIComponent(ticket[1]) };
  if (/^\/supervisor\/?$/.test(path)) return { name: 'supervisor' };
  return { name: 'inbox' };
};

export const routePath = (route: Route): string => {
  switch (route.name) {
    case 'inbox':
      return '/';
    case 'ticket':
      return `/tickets/${encodeURIComponent(route.ticketId)}`;
    case 'supervisor':
      return '/supervisor';
  }
};
