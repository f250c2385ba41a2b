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
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const first = publicAnswers[0];
  if (first === undefined) return null;
  // A reply split into a thread is reused whole: every part of the first answer, in order.
  const group = first.metadata.answerGroupId;
  const parts =
    group === undefined ? [first] : publicAnswers.filter((message) => message.metadata.answerGroupId === group);
  parts.sort((a, b) => Number(a.metadata.part ?? 1) - Number(b.metadata.part ?? 1));
  return parts.map((message) => (parts.length > 1 ? message.text.replace(/ \d+\/\d+$/, '') : message.text)).join(' ');
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
