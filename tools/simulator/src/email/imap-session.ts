import { fetchMarksSeen, imapFetchResponse } from './imap-fetch-response.ts';
import { type ImapToken, selectBySet } from './imap-tokens.ts';
import type { SimulatedMailbox, StoredMail } from './simulated-mailbox.ts';

export interface ImapAccount {
  user: string;
  password: string;
  folders: ReadonlyMap<string, SimulatedMailbox>;
}

export interface ImapReply {
  output: Buffer[];
  closes: boolean;
}

const capabilities = 'IMAP4rev1 UIDPLUS';
const permanentFlags = '\\Seen \\Answered \\Flagged \\Deleted \\Draft';

/**
 * The IMAP4rev1 subset imapflow's connect → SELECT → SEARCH → FETCH → STORE → LOGOUT loop uses.
 * Everything else answers BAD, so a client that needs more fails loudly in tests.
 */
export function createImapSession(account: ImapAccount) {
  let isAuthenticated = false;
  let selected: SimulatedMailbox | null = null;
  let isReadOnly = false;

  function handle(tag: string, command: string, args: readonly ImapToken[]): ImapReply {
    const lines: (string | Buffer)[] = [];
    const done = (status: 'OK' | 'NO' | 'BAD', text: string, closes = false): ImapReply => ({
      output: [...lines, `${tag} ${status} ${text}\r\n`].map((line) =>
        typeof line === 'string' ? Buffer.from(line) : line,
      ),
      closes,
    });
    const name = command.toUpperCase();
    if (name === 'CAPABILITY') {
      lines.push(`* CAPABILITY ${capabilities}\r\n`);
      return done('OK', 'CAPABILITY completed');
    }
    if (name === 'NOOP') return done('OK', 'NOOP completed');
    if (name === 'LOGOUT') {
      lines.push('* BYE Ascolta simulator logging out\r\n');
      return done('OK', 'LOGOUT completed', true);
    }
    if (name === 'LOGIN') {
      isAuthenticated = args[0] === account.user && args[1] === account.password;
      return isAuthenticated
        ? done('OK', `[CAPABILITY ${capabilities}] LOGIN completed`)
        : done('NO', '[AUTHENTICATIONFAILED] Invalid credentials');
    }
    if (!isAuthenticated) return done('BAD', 'Log in first');
    if (name === 'LIST') {
      for (const folder of account.folders.keys()) lines.push(`* LIST (\\HasNoChildren) "/" "${folder}"\r\n`);
      return done('OK', 'LIST completed');
    }
    if (name === 'SELECT' || name === 'EXAMINE') {
      const folder = account.folders.get(String(args[0] ?? ''));
      if (folder === undefined) return done('NO', '[NONEXISTENT] No such mailbox');
      selected = folder;
      isReadOnly = name === 'EXAMINE';
      lines.push(...selectLines(folder));
      return done('OK', `[${isReadOnly ? 'READ-ONLY' : 'READ-WRITE'}] ${name} completed`);
    }
    if (name === 'CLOSE' || name === 'UNSELECT') {
      selected = null;
      return done('OK', `${name} completed`);
    }
    if (selected === null) return done('BAD', 'Select a mailbox first');
    const isUid = name === 'UID';
    const verb = (isUid ? String(args[0] ?? '') : name).toUpperCase();
    const rest = isUid ? args.slice(1) : args;
    const target = { mailbox: selected, isUid, isReadOnly };
    if (verb === 'SEARCH') lines.push(search(target, rest));
    else if (verb === 'FETCH') lines.push(...fetch(target, rest));
    else if (verb === 'STORE') lines.push(...store(target, rest));
    else return done('BAD', `Unsupported command ${command}`);
    return done('OK', `${isUid ? 'UID ' : ''}${verb} completed`);
  }

  return { handle };
}

interface Target {
  mailbox: SimulatedMailbox;
  isUid: boolean;
  isReadOnly: boolean;
}

function selectLines(folder: SimulatedMailbox): string[] {
  return [
    `* FLAGS (${permanentFlags})\r\n`,
    `* OK [PERMANENTFLAGS (${permanentFlags})] Flags permitted\r\n`,
    `* ${folder.messages.length} EXISTS\r\n`,
    '* 0 RECENT\r\n',
    `* OK [UIDVALIDITY ${folder.uidValidity}] UIDs valid\r\n`,
    `* OK [UIDNEXT ${folder.uidNext()}] Predicted next UID\r\n`,
  ];
}

/** Messages a set selects, with their sequence numbers (1-based positions; nothing is ever expunged). */
function resolve(target: Target, set: ImapToken | undefined): { sequence: number; mail: StoredMail }[] {
  const all = target.mailbox.messages.map((mail, index) => ({ sequence: index + 1, mail }));
  const key = (entry: { sequence: number; mail: StoredMail }): number =>
    target.isUid ? entry.mail.uid : entry.sequence;
  const chosen = new Set(selectBySet(String(set ?? ''), all.map(key)));
  return all.filter((entry) => chosen.has(key(entry)));
}

/** Supports ALL, SEEN, UNSEEN and UID <set>, ANDed, which is what imapflow sends for our queries. */
function search(target: Target, criteria: readonly ImapToken[]): string {
  let matches = target.mailbox.messages.map((mail, index) => ({ sequence: index + 1, mail }));
  for (let index = 0; index < criteria.length; index += 1) {
    const criterion = String(criteria[index]).toUpperCase();
    if (criterion === 'SEEN') matches = matches.filter(({ mail }) => mail.flags.has('\\Seen'));
    if (criterion === 'UNSEEN') matches = matches.filter(({ mail }) => !mail.flags.has('\\Seen'));
    if (criterion === 'UID') {
      const uids = new Set(resolve({ ...target, isUid: true }, criteria[index + 1]).map(({ mail }) => mail.uid));
      matches = matches.filter(({ mail }) => uids.has(mail.uid));
      index += 1;
    }
  }
  const numbers = matches.map(({ sequence, mail }) => (target.isUid ? mail.uid : sequence));
  return `* SEARCH${numbers.map((number) => ` ${number}`).join('')}\r\n`;
}

function fetch(target: Target, args: readonly ImapToken[]): Buffer[] {
  const requested = args[1];
  const items = Array.isArray(requested) ? requested : [requested ?? 'FLAGS'];
  return resolve(target, args[0]).map(({ sequence, mail }) => {
    if (!target.isReadOnly && fetchMarksSeen(items)) mail.flags.add('\\Seen');
    return imapFetchResponse(sequence, mail, items);
  });
}

function store(target: Target, args: readonly ImapToken[]): Buffer[] {
  const action = String(args[1] ?? '').toUpperCase();
  const flags = (Array.isArray(args[2]) ? args[2] : args.slice(2)).map(String);
  return resolve(target, args[0]).flatMap(({ sequence, mail }) => {
    if (action.startsWith('+')) for (const flag of flags) mail.flags.add(flag);
    else if (action.startsWith('-')) for (const flag of flags) mail.flags.delete(flag);
    else mail.flags = new Set(flags);
    return action.endsWith('.SILENT') ? [] : [imapFetchResponse(sequence, mail, ['FLAGS'])];
  });
}
