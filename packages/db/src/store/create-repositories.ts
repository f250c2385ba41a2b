import type { JobName, Repositories, StoreDriver } from '@ascolta/core';
import type PgBoss from 'pg-boss';
import { createJobQueue } from '../jobs/create-job-queue.ts';
import { createAgentPreferenceRepository } from '../repositories/agent-preference-repository.ts';
import { createAgentRepository } from '../repositories/agent-repository.ts';
import { createApiKeyRepository } from '../repositories/api-key-repository.ts';
import { createAuditLog } from '../repositories/audit-log.ts';
import { createBusinessHoursRepository } from '../repositories/business-hours-repository.ts';
import { createChannelRepository } from '../repositories/channel-repository.ts';
import { createCustomerRepository } from '../repositories/customer-repository.ts';
import { createDatabase } from '../repositories/database.ts';
import { withDriverErrors } from '../repositories/driver-errors.ts';
import { createEventRepository } from '../repositories/event-repository.ts';
import { createIdentityRepository } from '../repositories/identity-repository.ts';
import { createIncidentRepository } from '../repositories/incident-repository.ts';
import { createInfoRequestRepository } from '../repositories/info-request-repository.ts';
import { createMessageRepository } from '../repositories/message-repository.ts';
import { createRuleRepository } from '../repositories/rule-repository.ts';
import { createSessionRepository } from '../repositories/session-repository.ts';
import { createSettingsRepository } from '../repositories/settings-repository.ts';
import { createSignInFailureRepository } from '../repositories/sign-in-failure-repository.ts';
import { createSlaPolicyRepository } from '../repositories/sla-policy-repository.ts';
import { createSurveyRepository } from '../repositories/survey-repository.ts';
import { createTeamRepository } from '../repositories/team-repository.ts';
import { createTemplateRepository } from '../repositories/template-repository.ts';
import { createTicketRepository } from '../repositories/ticket-repository.ts';
import { createTouchpointRepository } from '../repositories/touchpoint-repository.ts';
import { createTriageFeedbackRepository } from '../repositories/triage-feedback-repository.ts';
import { createWorkspaceRepository } from '../repositories/workspace-repository.ts';
import type { SqlConnection } from '../sql/sql-driver.ts';

/** Every repository bound to one connection: the pool, or one open transaction. */
export const createRepositories = (
  connection: SqlConnection,
  boss: PgBoss,
  /** PGlite is one session: the pipeline's advisory locks are skipped there. */
  driver: StoreDriver = 'postgres',
  /** Which queues got jobs through these repositories (see `committed-jobs.ts`). */
  onJobsSent?: (names: ReadonlySet<JobName>) => void,
): Repositories => {
  const db = createDatabase(connection);
  const repositories: Omit<Repositories, 'configVersion'> = {
    workspaces: createWorkspaceRepository(db),
    settings: createSettingsRepository(db),
    apiKeys: createApiKeyRepository(db),
    channels: createChannelRepository(db),
    agents: createAgentRepository(db),
    teams: createTeamRepository(db),
    businessHours: createBusinessHoursRepository(db),
    slaPolicies: createSlaPolicyRepository(db),
    infoRequests: createInfoRequestRepository(db),
    templates: createTemplateRepository(db),
    rules: createRuleRepository(db),
    incidents: createIncidentRepository(db, driver),
    surveys: createSurveyRepository(db),
    customers: createCustomerRepository(db, driver),
    identities: createIdentityRepository(db),
    touchpoints: createTouchpointRepository(db),
    tickets: createTicketRepository(db),
    messages: createMessageRepository(db, driver),
    triageFeedback: createTriageFeedbackRepository(db),
    sessions: createSessionRepository(db),
    signInFailures: createSignInFailureRepository(db),
    agentPreferences: createAgentPreferenceRepository(db),
    events: createEventRepository(db),
    audit: createAuditLog(db),
    jobs: createJobQueue(boss, connection, onJobsSent),
  };
  const guarded = Object.entries(repositories).map(([name, repository]) => [name, withDriverErrors(repository)]);
  return {
    ...(Object.fromEntries(guarded) as Omit<Repositories, 'configVersion'>),
    // Raised at commit by the triggers of migration 0008; a database without the row reads 0.
    async configVersion() {
      const { rows } = await connection.query('SELECT version FROM config_versions WHERE id = 1', [], 'array');
      const [row] = rows as Array<[string | number]>;
      return row === undefined ? 0 : Number(row[0]);
    },
  };
};
