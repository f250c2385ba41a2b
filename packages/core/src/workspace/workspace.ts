/** A tenant: one company with its channels, agents, rules and data. Every stored row carries its id. */
export interface Workspace {
  id: string;
  name: string;
  /** IANA time zone used for business hours and reports, e.g. `Europe/Rome`. */
  timeZone: string;
  /** Languages the team answers in, ISO 639-1, first is the default. */
  languages: readonly string[];
  createdAt: Date;
}
