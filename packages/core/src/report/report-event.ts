/**
 * An event as the report projection reads it: straight from the log, with `data` still untyped. The
 * projection must fold events written by every version of Ascolta (and types it does not know yet), so
 * each field is read defensively and a missing one counts as unknown.
 */
export interface ReportEvent {
  sequence: number;
  workspaceId: string;
  type: string;
  ticketId: string | null;
  /** `agent`, `system`, `customer` or `integration`. */
  actorType: string;
  actorAgentId: string | null;
  occurredAt: Date;
  data: Readonly<Record<string, unknown>>;
}

export const textField = (data: ReportEvent['data'], key: string): string | null => {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

export const numberField = (data: ReportEvent['data'], key: string): number | null => {
  const value = data[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

export const booleanField = (data: ReportEvent['data'], key: string): boolean | null => {
  const value = data[key];
  return typeof value === 'boolean' ? value : null;
};

export const textListField = (data: ReportEvent['data'], key: string): string[] => {
  const value = data[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};
