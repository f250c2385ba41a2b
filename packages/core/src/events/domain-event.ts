import type { CustomerMergeCounts, ValueTier } from '../customer/customer.ts';
import type { PriorityBand, TicketStatus } from '../ticket/ticket.ts';
import type { MessageKind } from '../triage/triage.ts';

/** Who caused an event: a person, the bot/pipeline, or an integration (API key). */
export type Actor =
  | { type: 'agent'; agentId: string }
  | { type: 'system' }
  | { type: 'customer'; customerId: string }
  | { type: 'integration'; apiKeyId: string };

interface EventBase {
  id: string;
  workspaceId: string;
  occurredAt: Date;
  actor: Actor;
  ticketId: string | null;
  customerId: string | null;
}

/** Every change worth reporting, auditing or forwarding, in the past tense. Append-only. */
export type DomainEvent = EventBase &
  (
    | { type: 'message.received'; data: { messageId: string; channelId: string } }
    /** `kind`, `category`, `language`: the triage, for reports (absent on events written before they were added). */
    | {
        type: 'message.ignored';
        data: { messageId: string; reason: string; kind?: MessageKind; category?: string; language?: string };
      }
    /** `purpose`: why the bot sent it (`acknowledgement`, `info-request`, `auto-answer`…), for reports; absent on older events. */
    | { type: 'message.sent'; data: { messageId: string; channelId: string; isAutomated: boolean; purpose?: string } }
    | { type: 'message.failed'; data: { messageId: string; error: string } }
    | { type: 'customer.created'; data: { displayName: string } }
    /** `evidence`: why an identity was attached to this customer, e.g. "order-number A100077 in the message". */
    | { type: 'customer.linked'; data: { identityId: string; confidence: number; evidence?: string } }
    /** The message named identities held by other customers, but not clearly one of them: an agent decides. */
    | { type: 'customer.link-suggested'; data: { candidateCustomerIds: readonly string[]; evidence: string } }
    /** An agent judged a suggested customer to be someone else: the suggestion stops showing. */
    | { type: 'customer.link-dismissed'; data: { otherCustomerId: string } }
    /**
     * A person merged `fromCustomerId` into the event's customer: its identities, tickets, messages, touchpoints
     * and surveys now belong to it and the source customer is deleted. `moved` counts the rows re-pointed.
     */
    | {
        type: 'customer.merged';
        data: {
          fromCustomerId: string;
          fromDisplayName: string;
          moved: CustomerMergeCounts;
          filledFields: readonly string[];
        };
      }
    /** The company's CRM answered a look-up; `changedFields` names what it changed on the customer. */
    | {
        type: 'customer.enriched';
        data: {
          crmId: string | null;
          valueTier: ValueTier;
          lifetimeValueCents: number;
          purchasesCount: number;
          changedFields: readonly string[];
        };
      }
    /** The triage dimensions at open time (`kind`, `language`, `sentiment` −1..1, a few `keywords`) feed the reports; absent on older events. */
    | {
        type: 'ticket.opened';
        data: {
          category: string;
          priorityBand: PriorityBand;
          channelId: string;
          kind?: MessageKind;
          language?: string;
          sentiment?: number;
          keywords?: readonly string[];
        };
      }
    | { type: 'ticket.status-changed'; data: { from: TicketStatus; to: TicketStatus } }
    /** An agent corrected the category the triage gave the ticket. */
    | { type: 'ticket.category-changed'; data: { from: string; to: string } }
    | { type: 'ticket.assigned'; data: { agentId: string | null; teamId: string | null; reason: string } }
    | { type: 'ticket.prioritised'; data: { score: number; band: PriorityBand } }
    | { type: 'ticket.info-requested'; data: { fields: readonly string[] } }
    | { type: 'ticket.info-collected'; data: { fields: readonly string[] } }
    | { type: 'ticket.sla-at-risk'; data: { target: 'first-response' | 'next-response' | 'resolution' } }
    | { type: 'ticket.sla-breached'; data: { target: 'first-response' | 'next-response' | 'resolution' } }
    | { type: 'ticket.resolved'; data: { isAutomated: boolean } }
    | { type: 'ticket.replied'; data: { messageIds: readonly string[]; visibility: 'public' | 'private' } }
    | { type: 'ticket.note-added'; data: { text: string; mentionedAgentIds: readonly string[] } }
    /** The ticket was created in the company's CRM, which answered with this reference. */
    | { type: 'ticket.crm-linked'; data: { crmReference: string } }
    | { type: 'ticket.merged'; data: { intoTicketId: string } }
    | { type: 'ticket.snoozed'; data: { until: string } }
    | { type: 'message.converted'; data: { messageId: string } }
    | { type: 'incident.opened'; data: { incidentId: string; category: string } }
    | { type: 'incident.solution-published'; data: { incidentId: string } }
    | { type: 'survey.sent'; data: { surveyId: string; kind: 'csat' | 'nps'; channelId: string } }
    /** `isLowScore`: at or below the workspace's threshold for the kind; `survey.low-score` follows. */
    | {
        type: 'survey.answered';
        data: { surveyId: string; kind: 'csat' | 'nps'; score: number; comment: string | null; isLowScore: boolean };
      }
    /** `notifiedAgentIds`: the assignee, or the supervisors when nobody holds the ticket (action `alert`). */
    | {
        type: 'survey.low-score';
        data: {
          surveyId: string;
          kind: 'csat' | 'nps';
          score: number;
          comment: string | null;
          action: 'reopen' | 'alert' | 'none';
          notifiedAgentIds: readonly string[];
        };
      }
    /** Two answers without a readable score: the survey ends unanswered. An unanswered link just expires. */
    | { type: 'survey.expired'; data: { surveyId: string; reason: 'unreadable-answers' } }
  );

export type DomainEventType = DomainEvent['type'];

/** Builds an event without repeating the envelope at every call site. */
export type NewDomainEvent = Omit<DomainEvent, 'id' | 'occurredAt'>;
