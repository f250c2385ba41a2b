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
interface SessionState {
  isAuthenticated: boolean;
  selected: SimulatedMailbox | null;
  isReadOnly: boolean;
}

/** Untagged lines, then the tagged status; `closes` ends the connection after it. */
interface Outcome {
  lines: (string | Buffer)[];
  status: 'OK' | 'NO' | 'BAD';
  text: string;
  closes?: boolean;
}

export function createImapSession(account: ImapAccount) {
  const state: SessionState = { isAuthenticated: false, selected: null, isReadOnly: false };
  return {
    handle(tag: string, command: string, args: readonly ImapToken[]): ImapReply {
      const outcome = runCommand(account, state, command.toUpperCase(), args);
      const output = [...outcome.lines, `${tag} ${outcome.status} ${outcome.text}\r\n`];
      return {
        output: output.map((line) => (typeof line === 'string' ? Buffer.from(line) : line)),
        closes: outcome.closes ?? false,
      };
    },
  };
}

function runCommand(account: ImapAccount, state: SessionState, name: string, args: readonly ImapToken[]): Outcome {
  if (name === 'CAPABILITY')
    return { lines: [`* CAPABILITY ${capabilities}\r\n`], status: 'OK', text: 'CAPABILITY completed' };
  if (name === 'NOOP') return { lines: [], status: 'OK', text: 'NOOP completed' };
  if (name === 'LOGOUT') {
    return { lines: ['* BYE Ascolta simulator logging out\r\n'], status: 'OK', text: 'LOGOUT completed', closes: true };
  }
  if (name === 'LOGIN') {
    state.isAuthenticated = args[0] === account.user && args[1] === account.password;
    return state.isAuthenticated
      ? { lines: [], status: 'OK', text: `[CAPABILITY ${capabilities}] LOGIN completed` }
      : { lines: [], status: 'NO', text: '[AUTHENTICATIONFAILED] Invalid credentials' };
  }
  if (!state.isAuthenticated) return { lines: [], status: 'BAD', text: 'Log in first' };
  return runAuthenticated(account, state, name, args);
}

function runAuthenticated(
  account: ImapAccount,
  state: SessionState,
  name: string,
  args: readonly ImapToken[],
): Outcome {
  if (name === 'LIST') {
    const lines = [...account.folders.keys()].map((folder) => `* LIST (\\HasNoChildren) "/" "${folder}"\r\n`);
    return { lines, status: 'OK', text: 'LIST completed' };
  }
  if (name === 'SELECT' || name === 'EXAMINE') {
    const folder = account.folders.get(String(args[0] ?? ''));
    if (folder === undefined) return { lines: [], status: 'NO', text: '[NONEXISTENT] No such mailbox' };
    state.selected = folder;
    state.isReadOnly = name === 'EXAMINE';
    const access = state.isReadOnly ? 'READ-ONLY' : 'READ-WRITE';
    return { lines: selectLines(folder), status: 'OK', text: `[${access}] ${name} completed` };
  }
  if (name === 'CLOSE' || name === 'UNSELECT') {
    state.selected = null;
    return { lines: [], status: 'OK', text: `${name} completed` };
  }
  if (state.selected === null) return { lines: [], status: 'BAD', text: 'Select a mailbox first' };
  return runSelected({ mailbox: state.selected, isUid: name === 'UID', isReadOnly: state.isReadOnly }, name, args);
}

function runSelected(target: Target, name: string, args: readonly ImapToken[]): Outcome {
  const verb = (target.isUid ? String(args[0] ?? '') : name).toUpperCase();
  const rest = target.isUid ? args.slice(1) : args;
  const text = `${target.isUid ? 'UID ' : ''}${verb} completed`;
  if (verb === 'SEARCH') return { lines: [search(target, rest)], status: 'OK', text };
  if (verb === 'FETCH') return { lines: fetch(target, rest), status: 'OK', text };
  if (verb === 'STORE' && target.isReadOnly) return { lines: [], status: 'NO', text: 'Mailbox is read-only' };
  if (verb === 'STORE') return { lines: store(target, rest), status: 'OK', text };
  return { lines: [], status: 'BAD', text: `Unsupported command ${name}` };
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
