import type { Customer } from '../customer/customer.ts';
import { planInfoRequest } from '../info-request/plan-info-request.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { Triage } from '../triage/triage.ts';
import { loadCareContext, staffingAt } from './load-care-context.ts';
import type { PipelineRun } from './pipeline-run.ts';
import { queueOutbound } from './queue-outbound.ts';

/** The first public answer the ticket got, by anyone: customers posting again get the same answer. */
const firstPublicAnswer = async (run: PipelineRun, ticket: Ticket): Promise<string | null> => {
  const outbound = await run.deps.repos.messages.list({
    workspaceId: run.workspaceId,
    ticketId: ticket.id,
    direction: 'outbound',
    limit: 100,
  });
  const publicAnswers = outbound.items
    .filter((message) => message.visibility === 'public' && message.deliveryState !== 'failed')
    .sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() || Number(a.metadata.part ?? 1) - Number(b.metadata.part ?? 1),
    );
  const first = publicAnswers[0];
  if (first === undefined) return null;
  // A threaded answer is reused whole: the parts of the first answer, in order.
  const parts = publicAnswers.filter((message) => message.createdAt.getTime() === first.createdAt.getTime());
  return parts.map((message) => message.text.replace(/ \d+\/\d+$/, '')).join(' ');
};

/**
 * Every public post gets its own public answer, even the tenth copy of the same complaint: the first
 * answer is reused, or the bot's acknowledgement is composed again when nobody has answered yet.
 */
export const answerRepeatPost = async (
  run: PipelineRun,
  ticket: Ticket,
  customer: Customer,
  triage: Triage,
): Promise<void> => {
  if (run.message.visibility !== 'public') return;
  let text = await firstPublicAnswer(run, ticket);
  if (text === null) {
    const care = await loadCareContext(run, ticket.category);
    text = planInfoRequest({
      infoRequest: care.infoRequest,
      entities: triage.entities,
      pii: triage.pii,
      visibility: 'public',
      language: ticket.language,
      customerName: customer.displayName,
      collectedFields: ticket.collectedFields,
      staffing: staffingAt(run.now, care.hours),
      tone: run.settings.tone,
      now: run.now,
    }).publicReply;
  }
  if (text !== null) await queueOutbound(run, { ticket, text, visibility: 'public', purpose: 'repeat-answer' });
};
