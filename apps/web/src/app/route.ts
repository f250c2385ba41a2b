/** What the agent pressed in the inbox before the ticket opened: the ticket view focuses that control. */
export type TicketIntent = 'reply' | 'note' | 'assign';

export type Route =
  /** `drill`: the query string of a report drill-down; the inbox then lists the tickets behind that figure. */
  | { name: 'inbox'; drill?: string }
  | { name: 'ticket'; ticketId: string; intent?: TicketIntent }
  | { name: 'supervisor' }
  | { name: 'reports' };

/** The screen for a URL path and query; anything unknown lands on the inbox. */
export const parseRoute = (path: string, search = ''): Route => {
  const ticket = /^\/tickets\/([^/]+)\/?$/.exec(path);
  if (ticket?.[1] !== undefined) return { name: 'ticket', ticketId: decodeURIComponent(ticket[1]) };
  if (/^\/supervisor\/?$/.test(path)) return { name: 'supervisor' };
  if (/^\/reports\/?$/.test(path)) return { name: 'reports' };
  const drill = new URLSearchParams(search).get('drill');
  return drill === null || drill === '' ? { name: 'inbox' } : { name: 'inbox', drill };
};

export const routePath = (route: Route): string => {
  switch (route.name) {
    case 'inbox':
      return route.drill === undefined ? '/' : `/?${new URLSearchParams({ drill: route.drill })}`;
    case 'ticket':
      return `/tickets/${encodeURIComponent(route.ticketId)}`;
    case 'supervisor':
      return '/supervisor';
    case 'reports':
      return '/reports';
  }
};
