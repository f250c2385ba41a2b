import { detectIncident, type IncidentReport } from '../incident/detect-incident.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { PipelineRun } from './pipeline-run.ts';

/** A ticket as one customer's report of a problem: its subject is the report's text. */
export const reportOf = (ticket: Ticket): IncidentReport => ({
  ticketId: ticket.id,
  customerId: ticket.customerId,
  category: ticket.category,
  text: ticket.subject,
  reportedAt: ticket.createdAt,
  incidentId: ticket.incidentId,
});

/** Links a new ticket to an incident, opening one (and linking its earlier reports) when a cluster appears. */
export const linkIncident = async (run: PipelineRun, ticket: Ticket): Promise<Ticket> => {
  const { repos } = run.deps;
  const options = run.settings.incidents;
  const createdAfter = new Date(run.now.getTime() - options.windowMinutes * 60_000);
  // Until this transaction ends, another worker's new ticket of the category waits here and then sees ours.
  await repos.incidents.lockCategory(run.workspaceId, ticket.category);
  const [recent, openIncidents] = await Promise.all([
    repos.tickets.listIncidentReports({
      workspaceId: run.workspaceId,
      category: ticket.category,
      createdAfter,
      limit: 500,
    }),
    repos.incidents.list(run.workspaceId, 'open'),
  ]);
  const decision = detectIncident({
    workspaceId: run.workspaceId,
    report: reportOf(ticket),
    recentReports: recent,
    openIncidents,
    options,
    now: run.now,
    newId: () => run.deps.ids.newId(),
  });
  switch (decision.kind) {
    case 'none':
      return ticket;
    case 'link':
      return { ...ticket, incidentId: decision.incidentId };
    case 'open': {
      await repos.incidents.insert(decision.incident);
      run.events.push(...decision.events);
      for (const id of decision.ticketIds) {
        if (id === ticket.id) continue;
        const other = await repos.tickets.get(run.workspaceId, id);
        if (other !== null)
          await repos.tickets.update({ ...other, incidentId: decision.incident.id, updatedAt: run.now });
      }
      return { ...ticket, incidentId: decision.incident.id };
    }
  }
};
