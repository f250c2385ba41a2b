import { DomainError, type Repositories, type Ticket } from '@ascolta/core';

/** The ticket of this workspace, or 404 naming it. */
export const loadTicket = async (repos: Repositories, workspaceId: string, id: string): Promise<Ticket> => {
  const ticket = await repos.tickets.get(workspaceId, id);
  if (ticket === null) throw new DomainError('not-found', `Ticket ${id} does not exist.`);
  return ticket;
};
