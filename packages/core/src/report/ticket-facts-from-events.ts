import { type PriorityBand, priorityBands } from '../ticket/ticket.ts';
import { firstResponseOf } from './first-response-of.ts';
import { infoCollectedInOneInteraction } from './info-collected-in-one-interaction.ts';
import { booleanField, numberField, type ReportEvent, textField, textListField } from './report-event.ts';
import { surveyAnswerOf } from './survey-answer-of.ts';
import type { ProjectionContext, TicketFacts } from './ticket-facts.ts';

const bandOf = (value: string | null): PriorityBand | null => priorityBands.find((band) => band === value) ?? null;

const closedStatuses: ReadonlySet<string> = new Set(['resolved', 'closed']);

type Lifecycle = Pick<TicketFacts, 'isResolved' | 'resolvedAt' | 'isAutoResolved' | 'teamId' | 'agentId'> & {
  band: PriorityBand;
  slaBreaches: number;
  automatedMessages: number;
  humanInteractions: number;
  incidentId: string | null;
};

/** Assignment, priority, resolution and counters: the latest state after every event. */
const foldLifecycle = (opened: ReportEvent, events: readonly ReportEvent[], untilFirstResponse: Date | null) => {
  const state: Lifecycle = {
    isResolved: false,
    resolvedAt: null,
    isAutoResolved: false,
    teamId: null,
    agentId: null,
    band: bandOf(textField(opened.data, 'priorityBand')) ?? 'normal',
    slaBreaches: 0,
    automatedMessages: 0,
    humanInteractions: 0,
    incidentId: null,
  };
  // The SLA target follows the band the ticket had when it was answered, as the due dates did.
  let slaBand = state.band;
  for (const event of events) {
    const { data } = event;
    if (event.type === 'ticket.prioritised') state.band = bandOf(textField(data, 'band')) ?? state.band;
    if (untilFirstResponse === null || event.occurredAt.getTime() <= untilFirstResponse.getTime()) slaBand = state.band;
    if (event.type === 'ticket.assigned') {
      state.agentId = textField(data, 'agentId');
      state.teamId = textField(data, 'teamId') ?? state.teamId;
    } else if (event.type === 'ticket.resolved' || event.type === 'ticket.merged') {
      state.isResolved = true;
      state.resolvedAt = event.occurredAt;
      state.isAutoResolved = booleanField(data, 'isAutomated') === true;
    } else if (event.type === 'ticket.status-changed') {
      const to = textField(data, 'to') ?? '';
      if (!closedStatuses.has(to)) state.isResolved = false;
      else if (!state.isResolved) {
        state.isResolved = true;
        state.resolvedAt = event.occurredAt;
        state.isAutoResolved = false;
      }
    } else if (event.type === 'ticket.sla-breached') state.slaBreaches += 1;
    else if (event.type === 'ticket.replied') state.humanInteractions += 1;
    else if (event.type === 'message.sent' && booleanField(data, 'isAutomated') === true) state.automatedMessages += 1;
    else if (event.type === 'incident.opened') state.incidentId = textField(data, 'incidentId');
  }
  return { ...state, slaBand };
};

const latestCategory = (events: readonly ReportEvent[]): string | null => {
  const changed = events.filter((event) => event.type === 'ticket.category-changed').at(-1);
  return changed === undefined ? null : textField(changed.data, 'to');
};

const minutesBetween = (from: Date, to: Date | null) => (to === null ? null : (to.getTime() - from.getTime()) / 60_000);

/**
 * Folds one ticket's events (sequence order) into its report facts; null until its `ticket.opened` is in.
 * Durations: calendar minutes, and business minutes in the context's calendar. SLA targets: the policy's
 * for the band at first response, counted in the policy's calendar, as the pipeline sets due dates.
 */
export const ticketFactsFromEvents = (
  events: readonly ReportEvent[],
  context: ProjectionContext,
): TicketFacts | null => {
  const opened = events.find((event) => event.type === 'ticket.opened');
  if (opened === undefined || opened.ticketId === null) return null;
  const openedAt = opened.occurredAt;
  const response = firstResponseOf(events);
  const firstResponseAt = response?.at ?? null;
  const state = foldLifecycle(opened, events, firstResponseAt);
  const resolvedAt = state.isResolved ? state.resolvedAt : null;
  // As computeDueDates, on the projection's cached calendar.
  const targets = context.policy?.targets[state.slaBand] ?? null;
  const due =
    targets === null
      ? null
      : {
          firstResponseDueAt: context.slaTime.addMinutes(openedAt, targets.firstResponseMinutes),
          resolutionDueAt: context.slaTime.addMinutes(openedAt, targets.resolutionMinutes),
        };
  // A ticket resolved without a reply met its first-response clock at resolution, as evaluateSla has it.
  const respondedAt = firstResponseAt ?? resolvedAt;
  const survey = surveyAnswerOf(events);
  const channelId = textField(opened.data, 'channelId') ?? '';
  const last = events[events.length - 1];
  return {
    workspaceId: opened.workspaceId,
    ticketId: opened.ticketId,
    channelId,
    channelKind: textField(opened.data, 'channelKind') ?? context.channelKinds.get(channelId) ?? null,
    // The category an agent corrected it to, else the one it opened with.
    category: latestCategory(events) ?? textField(opened.data, 'category') ?? 'other',
    kind: textField(opened.data, 'kind'),
    language: textField(opened.data, 'language'),
    sentiment: numberField(opened.data, 'sentiment'),
    keywords: textListField(opened.data, 'keywords'),
    priorityBand: state.band,
    teamId: state.teamId,
    agentId: state.agentId,
    incidentId: state.incidentId,
    openedAt,
    firstResponseAt,
    firstResponseMinutes: minutesBetween(openedAt, firstResponseAt),
    firstResponseBusinessMinutes:
      firstResponseAt === null ? null : context.businessTime.minutesBetween(openedAt, firstResponseAt),
    isFirstResponseAutomated: response?.isAutomated ?? false,
    isResolved: state.isResolved,
    resolvedAt,
    resolutionMinutes: minutesBetween(openedAt, resolvedAt),
    resolutionBusinessMinutes: resolvedAt === null ? null : context.businessTime.minutesBetween(openedAt, resolvedAt),
    isAutoResolved: state.isResolved && state.isAutoResolved,
    isAutoAnswered: response?.isAutomated ?? false,
    slaPolicyId: context.policy?.id ?? null,
    firstResponseDueAt: due?.firstResponseDueAt ?? null,
    resolutionDueAt: due?.resolutionDueAt ?? null,
    firstResponseSlaMet:
      due === null || respondedAt === null ? null : respondedAt.getTime() <= due.firstResponseDueAt.getTime(),
    resolutionSlaMet:
      due === null || resolvedAt === null ? null : resolvedAt.getTime() <= due.resolutionDueAt.getTime(),
    slaBreaches: state.slaBreaches,
    isInfoRequested: events.some((event) => event.type === 'ticket.info-requested'),
    isInfoCollectedInOneInteraction: infoCollectedInOneInteraction(events),
    automatedMessages: state.automatedMessages,
    humanInteractions: state.humanInteractions,
    csatScore: survey?.kind === 'csat' ? survey.score : null,
    npsScore: survey?.kind === 'nps' ? survey.score : null,
    surveyComment: survey?.comment ?? null,
    surveyKind: survey?.kind ?? null,
    surveyAnsweredAt: survey?.answeredAt ?? null,
    lastSequence: last?.sequence ?? opened.sequence,
  };
};
