import type { Customer } from '../customer/customer.ts';
import type { Message } from '../message/message.ts';
import { priorityBandFor } from '../priority/priority-band-for.ts';
import type { PriorityResult, PrioritySettings } from '../priority/score-priority.ts';
import { evaluateRules, type RuleFacts, type RuleOutcome } from '../rule/evaluate-rules.ts';
import type { Triage } from '../triage/triage.ts';
import type { PipelineRun } from './pipeline-run.ts';

/** What a `message.received` rule can test (the fields listed in `ruleFactFields`). */
export const messageRuleFacts = (message: Message, triage: Triage, customer: Customer): RuleFacts => ({
  triage: {
    category: triage.category,
    kind: triage.kind,
    language: triage.language,
    sentiment: triage.sentiment,
    sentimentLabel: triage.sentimentLabel,
    urgency: triage.urgency,
    actionable: triage.actionable,
  },
  customer: {
    valueTier: customer.valueTier,
    followers: customer.followers,
    isVerified: customer.isVerified,
    lifetimeValueCents: customer.lifetimeValueCents,
    purchasesCount: customer.purchasesCount,
  },
  message: { text: message.text, channelKind: message.channelKind, visibility: message.visibility },
});

/** The workspace's active rules for a received message (read from the run's configuration snapshot). */
export const evaluateMessageRules = async (run: PipelineRun, triage: Triage, customer: Customer) =>
  evaluateRules(
    await run.deps.repos.rules.list(run.workspaceId),
    'message.received',
    messageRuleFacts(run.message, triage, customer),
  );

/** A rule's category replaces the model's; the explanation says which rule decided. */
export const triageWithRules = (triage: Triage, outcome: RuleOutcome): Triage =>
  outcome.matchedRuleIds.length === 0
    ? triage
    : {
        ...triage,
        category: outcome.category ?? triage.category,
        explanation: [...triage.explanation, ...outcome.explanation],
      };

/** Rule points join the contributions (so the agent sees them); a rule's band overrides the score's band. */
export const priorityWithRules = (
  priority: PriorityResult,
  outcome: RuleOutcome,
  settings: PrioritySettings,
): PriorityResult => {
  if (outcome.priorityPoints === 0 && outcome.priorityBand === null) return priority;
  const score = Math.round((priority.score + outcome.priorityPoints) * 10) / 10;
  const reason = outcome.explanation.join('; ');
  const contributions =
    outcome.priorityPoints === 0
      ? priority.contributions
      : [...priority.contributions, { factor: 'rules', points: outcome.priorityPoints, reason }].sort(
          (a, b) => b.points - a.points,
        );
  return { score, band: outcome.priorityBand ?? priorityBandFor(score, settings.bands), contributions };
};

/** The routing target of the matching rules, if any, named for the `ticket.assigned` reason. */
export const ruleRoutingTarget = (outcome: RuleOutcome) =>
  outcome.teamId === null && outcome.agentId === null
    ? undefined
    : { teamId: outcome.teamId, agentId: outcome.agentId, rule: outcome.explanation.join('; ') };
