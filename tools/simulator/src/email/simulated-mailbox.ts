/** One message in a simulated IMAP folder; `uid` never changes while `uidValidity` holds. */
export interface StoredMail {
  uid: number;
  flags: Set<string>;
  raw: Buffer;
  internalDate: Date;
}

export interface SimulatedMailbox {
  readonly name: string;
  readonly uidValidity: number;
  readonly messages: readonly StoredMail[];
  uidNext(): number;
  append(raw: Buffer, internalDate: Date, flags?: readonly string[]): StoredMail;
}

/** An append-only IMAP folder held in memory: nothing is expunged, so sequence numbers stay stable. */
export function createSimulatedMailbox(name: string, uidValidity: number): SimulatedMailbox {
  const messages: StoredMail[] = [];
  let nextUid = 1;
  return {
    name,
    uidValidity,
    messages,
    uidNext: () => nextUid,
    append(raw, internalDate, flags = []) {
      const mail: StoredMail = { uid: nextUid, flags: new Set(flags), raw, internalDate };
      nextUid += 1;
      messages.push(mail);
      return mail;
    },
  };
}
