import type { PriorityBand } from '../ticket/ticket.ts';

export interface SlaTargets {
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  resolutionMinutes: number;
}

/** Response-time targets per priority band, counted in business hours when a calendar is set. */
export interface SlaPolicy {
  id: string;
  workspaceId: string;
  name: string;
  businessHoursId: string | null;
  targets: Readonly<Record<PriorityBand, SlaTargets>>;
  /** Warn this share of the target before a breach, 0..1. */
  breachRiskRatio: number;
}
