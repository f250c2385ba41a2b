export const agentRoles = ['agent', 'supervisor', 'admin'] as const;
export type AgentRole = (typeof agentRoles)[number];

export type Presence = 'online' | 'away' | 'offline';

export interface Agent {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  role: AgentRole;
  /** Category ids the agent is competent for. */
  skills: readonly string[];
  /** ISO 639-1 languages the agent writes. */
  languages: readonly string[];
  teamIds: readonly string[];
  /** Open tickets the agent may hold at once. */
  capacity: number;
  presence: Presence;
  businessHoursId: string | null;
  /** Average satisfaction, 1–5, or null before the first survey. */
  rating: number | null;
  averageFirstResponseMinutes: number | null;
  createdAt: Date;
}

export interface Team {
  id: string;
  workspaceId: string;
  name: string;
  /** Category ids the team handles. */
  categories: readonly string[];
  languages: readonly string[];
  businessHoursId: string | null;
}

/** A weekly opening interval in local time: day 0 = Sunday, minutes from midnight. */
export interface OpeningInterval {
  day: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  startMinute: number;
  endMinute: number;
}

export interface BusinessHours {
  id: string;
  workspaceId: string;
  name: string;
  timeZone: string;
  intervals: readonly OpeningInterval[];
  /** Closed days, `YYYY-MM-DD` in the calendar's time zone. */
  holidays: readonly string[];
}
