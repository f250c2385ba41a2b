import type { Agent, BusinessHours, Team } from '../agent/agent.ts';
import type { CategoryAutomation } from '../answer/choose-auto-answer.ts';
import type { ApiKey } from '../auth/api-key.ts';
import type { AgentPreferences, Session } from '../auth/session.ts';
import type { Channel, ChannelHealth, ChannelKind } from '../channel/channel.ts';
import type { Customer, CustomerMergeCounts, Identity, IdentityKind, Touchpoint } from '../customer/customer.ts';
import type { DomainEvent } from '../events/domain-event.ts';
import type { IncidentOptions, IncidentReport } from '../incident/detect-incident.ts';
import type { CareLanguage, ToneOfVoice } from '../info-request/care-texts.ts';
import type { InfoRequest } from '../info-request/info-request.ts';
import type { Message } from '../message/message.ts';
import type { PriorityBandThresholds, PriorityWeights, Rule, RuleKind } from '../rule/rule.ts';
import type { SlaPolicy } from '../sla/sla-policy.ts';
import type { Survey } from '../survey/survey.ts';
import type { SurveySettings } from '../survey/survey-settings.ts';
import type { Template, TemplateKind } from '../template/template.ts';
import type { ThreadingOptions } from '../threading/thread-message.ts';
import type { Incident, PriorityBand, Ticket, TicketStatus } from '../ticket/ticket.ts';
import type { TriageFeedback } from '../triage/triage-feedback.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { JobQueue } from './job-queue.ts';

/** A page of results; `nextCursor` is opaque and null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface WorkspaceRepository {
  insert(workspace: Workspace): Promise<void>;
  get(id: string): Promise<Workspace | null>;
  list(): Promise<Workspace[]>;
}

export interface ChannelRepository {
  insert(channel: Channel): Promise<void>;
  get(workspaceId: string, id: string): Promise<Channel | null>;
  /** Finds the channel that owns a platform account (page id, phone-number id, mailbox). */
  findByExternalAccount(kind: ChannelKind, externalAccountId: string): Promise<Channel | null>;
  list(workspaceId: string): Promise<Channel[]>;
  updateHealth(workspaceId: string, id: string, health: ChannelHealth): Promise<void>;
}

export interface CustomerRepository {
  insert(customer: Customer): Promise<void>;
  get(workspaceId: string, id: string): Promise<Customer | null>;
  update(customer: Customer): Promise<void>;
  /**
   * Holds the customer until the transaction ends, so two of their messages on different channels (an e-mail and a
   * tweet arriving together) are threaded and prioritised one after the other, each seeing the other's ticket.
   */
  lockForCare(workspaceId: string, id: string): Promise<void>;
  /**
   * Moves everything that names `fromId` (identities, tickets, messages, touchpoints, surveys, CRM look-ups) to
   * `intoId` and deletes `fromId`; events keep naming it (history). Call inside a transaction.
   */
  mergeInto(workspaceId: string, fromId: string, intoId: string): Promise<CustomerMergeCounts>;
}

export interface IdentityRepository {
  insert(identity: Identity): Promise<void>;
  find(
    workspaceId: string,
    kind: IdentityKind,
    channelKind: ChannelKind | null,
    value: string,
  ): Promise<Identity | null>;
  listByCustomer(workspaceId: string, customerId: string): Promise<Identity[]>;
}

export interface TouchpointRepository {
  insert(touchpoint: Touchpoint): Promise<void>;
  listByCustomer(workspaceId: string, customerId: string, since?: Date): Promise<Touchpoint[]>;
}

export interface TicketQuery {
  workspaceId: string;
  status?: readonly TicketStatus[];
  priorityBand?: readonly PriorityBand[];
  channelId?: string;
  customerId?: string;
  assigneeId?: string | null;
  teamId?: string;
  category?: string;
  /** ISO 639-1 code of the customer's language. */
  language?: string;
  /** Only the ticket holding this platform thread (with `channelId`): threading follow-ups. */
  threadExternalId?: string;
  /** Only tickets created at or after this time: recent reports for incident detection. */
  createdAfter?: Date;
  cursor?: string | null;
  limit?: number;
}

export interface TicketRepository {
  /** Inserts a ticket; the store assigns the per-workspace `number`, which the result carries. */
  insert(ticket: Omit<Ticket, 'number'>): Promise<Ticket>;
  get(workspaceId: string, id: string): Promise<Ticket | null>;
  update(ticket: Ticket): Promise<void>;
  /** Newest first by default; sorted by priority when `status` filters open work. */
  list(query: TicketQuery): Promise<Page<Ticket>>;
  /** Tickets each agent holds in `new`, `awaiting_customer`, `open` or `pending`, by agent id: routing load. */
  countOpenByAssignee(workspaceId: string): Promise<Record<string, number>>;
  /**
   * The category's tickets created since a time, newest first, as incident reports only (subject as text):
   * incident detection reads hundreds of them per new ticket during an outage, so no other column is read.
   */
  listIncidentReports(query: {
    workspaceId: string;
    category: string;
    createdAfter: Date;
    limit: number;
  }): Promise<IncidentReport[]>;
}

export interface MessageQuery {
  workspaceId: string;
  /** Full-text search over the text (Italian and English stemming). */
  q?: string;
  channelId?: string;
  channelKind?: ChannelKind;
  externalId?: string;
  ticketId?: string;
  customerId?: string;
  direction?: 'inbound' | 'outbound';
  cursor?: string | null;
  limit?: number;
}

export interface MessageRepository {
  /**
   * Inserts the message unless one with the same channel and external id exists. Returns the stored
   * message and whether this call created it: a replayed webhook is a no-op.
   */
  insertIdempotent(message: Message): Promise<{ message: Message; isNew: boolean }>;
  get(workspaceId: string, id: string): Promise<Message | null>;
  findByExternalId(channelId: string, externalId: string): Promise<Message | null>;
  /** Every field but the channel, external id and creation time, which identify the message. */
  update(message: Message): Promise<void>;
  /** As `update`, and the external id too: a sent outbound message's placeholder becomes the platform's id. */
  updateSent(message: Message): Promise<void>;
  list(query: MessageQuery): Promise<Page<Message>>;
  /**
   * Holds the pipeline lock of the message's author (workspace, channel, author) until the surrounding
   * transaction ends, so two workers never process one author's messages at once. A no-op on one session (PGlite).
   */
  lockAuthorOf(workspaceId: string, id: string): Promise<void>;
  /** Ids of the author's inbound messages received before this one and not yet processed, oldest first. */
  listUnprocessedBefore(workspaceId: string, id: string): Promise<string[]>;
}

export interface EventRepository {
  append(events: readonly DomainEvent[]): Promise<void>;
  /** In append order; `afterSequence` for incremental readers (reports, outbound webhooks). */
  list(query: {
    workspaceId: string;
    ticketId?: string;
    afterSequence?: number;
    limit?: number;
  }): Promise<Array<DomainEvent & { sequence: number }>>;
  /**
   * The `customer.link-suggested`, `customer.link-dismissed` and `customer.merged` events that name the customer,
   * as their customer or in their data (a candidate, the dismissed or merged customer), in append order.
   */
  listCustomerLinks(workspaceId: string, customerId: string): Promise<Array<DomainEvent & { sequence: number }>>;
  /** The highest sequence of the workspace's events, 0 when it has none: where a live reader starts. */
  latestSequence(workspaceId: string): Promise<number>;
}

export interface AgentRepository {
  insert(agent: Agent, passwordHash: string | null): Promise<void>;
  get(workspaceId: string, id: string): Promise<Agent | null>;
  list(workspaceId: string): Promise<Agent[]>;
  update(agent: Agent): Promise<void>;
  setPasswordHash(workspaceId: string, id: string, passwordHash: string): Promise<void>;
  /**
   * Locks the agent's row until the surrounding transaction ends, so two assignments to one agent
   * cannot both pass the capacity check. Returns the agent, or null if there is none.
   */
  lockForAssignment(workspaceId: string, id: string): Promise<Agent | null>;
  /** Sign-in lookup: e-mail addresses are unique across workspaces. */
  findCredentialsByEmail(email: string): Promise<{ agent: Agent; passwordHash: string | null } | null>;
}

export interface TeamRepository {
  insert(team: Team): Promise<void>;
  list(workspaceId: string): Promise<Team[]>;
  /** Replaces a team's definition; `not-found` when the workspace has no such team. */
  update(team: Team): Promise<void>;
  /**
   * `not-found` when the workspace has no such team. Does not look at what uses the team (agents, rules,
   * tickets): the caller refuses first, in the same transaction.
   */
  delete(workspaceId: string, id: string): Promise<void>;
}

export interface BusinessHoursRepository {
  insert(hours: BusinessHours): Promise<void>;
  list(workspaceId: string): Promise<BusinessHours[]>;
  /** Replaces a calendar; `not-found` when the workspace has no such calendar. */
  update(hours: BusinessHours): Promise<void>;
  /**
   * `not-found` when the workspace has no such calendar. Does not look at what uses it (SLA policies,
   * agents, teams): the caller refuses first, in the same transaction.
   */
  delete(workspaceId: string, id: string): Promise<void>;
}

export interface SlaPolicyRepository {
  insert(policy: SlaPolicy): Promise<void>;
  list(workspaceId: string): Promise<SlaPolicy[]>;
  /** Replaces a policy; `not-found` when the workspace has no such policy. */
  update(policy: SlaPolicy): Promise<void>;
  /** `not-found` when the workspace has no such policy. Tickets keep the due times it gave them. */
  delete(workspaceId: string, id: string): Promise<void>;
}

export interface InfoRequestRepository {
  insert(request: InfoRequest): Promise<void>;
  list(workspaceId: string): Promise<InfoRequest[]>;
  /** Replaces an information request; `not-found` when the workspace has no such request. */
  update(request: InfoRequest): Promise<void>;
  /** `not-found` when the workspace has no such request; its category's tickets then collect nothing. */
  delete(workspaceId: string, id: string): Promise<void>;
}

export interface TemplateRepository {
  insert(template: Template): Promise<void>;
  list(workspaceId: string, kind?: TemplateKind): Promise<Template[]>;
  /** Replaces a template; `not-found` when the workspace has no such template. */
  update(template: Template): Promise<void>;
  /** `not-found` when the workspace has no such template. Messages already sent keep its id in their metadata. */
  delete(workspaceId: string, id: string): Promise<void>;
}

export interface RuleRepository {
  insert(rule: Rule): Promise<void>;
  list(workspaceId: string, kind?: RuleKind): Promise<Rule[]>;
  /** Replaces a rule's definition; `not-found` when the workspace has no such rule. */
  update(rule: Rule): Promise<void>;
  /** `not-found` when the workspace has no such rule. */
  delete(workspaceId: string, id: string): Promise<void>;
}

export interface IncidentRepository {
  insert(incident: Incident): Promise<void>;
  get(workspaceId: string, id: string): Promise<Incident | null>;
  update(incident: Incident): Promise<void>;
  list(workspaceId: string, status?: Incident['status']): Promise<Incident[]>;
  /**
   * Serialises incident detection of one category until the surrounding transaction ends: two tickets
   * opened at the same moment on two workers join one incident instead of opening two. A no-op on PGlite.
   */
  lockCategory(workspaceId: string, category: string): Promise<void>;
}

export interface SurveyRepository {
  /** Throws `DomainError('conflict')` when the ticket already has its survey. */
  insert(survey: Survey): Promise<void>;
  get(workspaceId: string, id: string): Promise<Survey | null>;
  /** Locks the survey until the surrounding transaction ends, so one answer wins. */
  lockForAnswer(workspaceId: string, id: string): Promise<Survey | null>;
  update(survey: Survey): Promise<void>;
  findByTicket(workspaceId: string, ticketId: string): Promise<Survey | null>;
  /** The customer's most recently sent survey, of any ticket: the once-per-period rule. */
  findLatestForCustomer(workspaceId: string, customerId: string): Promise<Survey | null>;
  /** The newest survey still waiting (status `sent`, not expired at `now`) for the customer on the channel. */
  findWaiting(workspaceId: string, customerId: string, channelId: string, now: Date): Promise<Survey | null>;
}

/** Workspace-wide settings that are one document each (priority strategy…). */
export interface WorkspaceSettings {
  priorityWeights: PriorityWeights;
  priorityBands: PriorityBandThresholds;
  /** Per category: may the bot answer alone, and above which confidence. Absent: nothing is automated. */
  automation?: Readonly<Record<string, CategoryAutomation>>;
  /** Repeat-post and reopen windows; absent: `defaultThreadingOptions`. */
  threading?: ThreadingOptions;
  /** Incident thresholds; absent: `defaultIncidentOptions`. */
  incidents?: IncidentOptions;
  /** The bot's tone of voice per language; absent: the built-in tone. */
  tone?: Partial<Record<CareLanguage, ToneOfVoice>>;
  /** CSAT/NPS after resolution; absent: `defaultSurveySettings` (off). */
  surveys?: SurveySettings;
}

export interface SettingsRepository {
  get(workspaceId: string): Promise<WorkspaceSettings | null>;
  put(workspaceId: string, settings: WorkspaceSettings): Promise<void>;
}

export interface ApiKeyRepository {
  insert(key: ApiKey): Promise<void>;
  findBySecretHash(secretHash: string): Promise<ApiKey | null>;
  list(workspaceId: string): Promise<ApiKey[]>;
  revoke(workspaceId: string, id: string, at: Date): Promise<void>;
}

export interface SessionRepository {
  insert(session: Session): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<Session | null>;
  /** Slides the session: records activity and pushes the expiry out. */
  touch(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Failed sign-ins per e-mail address, kept in the database so a lock-out holds across processes. */
export interface SignInFailureRepository {
  record(email: string, at: Date): Promise<void>;
  /** The times of the failures at or after `since`, oldest first. */
  listSince(email: string, since: Date): Promise<Date[]>;
  clear(email: string): Promise<void>;
}

export interface AgentPreferenceRepository {
  get(workspaceId: string, agentId: string): Promise<AgentPreferences | null>;
  put(workspaceId: string, agentId: string, preferences: AgentPreferences): Promise<void>;
}

export interface TriageFeedbackRepository {
  insert(feedback: TriageFeedback): Promise<void>;
  list(workspaceId: string, since?: Date): Promise<TriageFeedback[]>;
}

export interface AuditEntry {
  workspaceId: string;
  actor: string;
  action: string;
  subject: string;
  data: Readonly<Record<string, unknown>>;
  occurredAt: Date;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

/** Everything the core reads and writes, through one object so a use case names what it touches. */
export interface Repositories {
  workspaces: WorkspaceRepository;
  settings: SettingsRepository;
  apiKeys: ApiKeyRepository;
  channels: ChannelRepository;
  agents: AgentRepository;
  teams: TeamRepository;
  businessHours: BusinessHoursRepository;
  slaPolicies: SlaPolicyRepository;
  infoRequests: InfoRequestRepository;
  templates: TemplateRepository;
  rules: RuleRepository;
  incidents: IncidentRepository;
  surveys: SurveyRepository;
  customers: CustomerRepository;
  identities: IdentityRepository;
  touchpoints: TouchpointRepository;
  tickets: TicketRepository;
  messages: MessageRepository;
  triageFeedback: TriageFeedbackRepository;
  sessions: SessionRepository;
  signInFailures: SignInFailureRepository;
  agentPreferences: AgentPreferenceRepository;
  events: EventRepository;
  audit: AuditLog;
  /** Jobs enqueued here commit or roll back with the surrounding transaction. */
  jobs: JobQueue;
  /**
   * The version of the workspace configuration the pipeline reads (settings, channels, agents, teams, hours,
   * SLA policies, info requests, templates): it changes when a transaction that changed any of them commits.
   */
  configVersion(): Promise<number>;
}

export type StoreDriver = 'pglite' | 'postgres';

export interface Store extends Repositories {
  readonly driver: StoreDriver;
  /** Runs `work` in one database transaction: all of its writes, events and jobs, or none. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
