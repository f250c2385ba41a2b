/** An agent's correction of a triage, kept so a retrain can adapt the model to the workspace. */
export interface TriageFeedback {
  id: string;
  workspaceId: string;
  messageId: string | null;
  /** The message text as classified, so a retrain needs nothing else. */
  text: string;
  field: 'actionable' | 'kind' | 'category';
  /** The corrected value: `true`/`false` for `actionable`, a kind or a category id otherwise. */
  label: string;
  agentId: string | null;
  createdAt: Date;
}
