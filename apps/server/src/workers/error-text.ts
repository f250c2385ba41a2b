/** A one-line description of anything thrown, for a message's `deliveryError` and the logs. */
export const errorText = (error: unknown): string =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);
