import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';
import { createImapSession, type ImapAccount } from './imap-session.ts';
import { tokenizeImap } from './imap-tokens.ts';

export interface ImapServer {
  port: number;
  stop(): Promise<void>;
}

/** A plain-text IMAP server for the simulator's mailbox; one session per connection. */
export async function startImapServer(account: ImapAccount, host: string, port: number): Promise<ImapServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    serveConnection(socket, account);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function serveConnection(socket: Socket, account: ImapAccount): void {
  const session = createImapSession(account);
  let pending = Buffer.alloc(0);
  let line = '';
  let literalBytes = 0;
  socket.write('* OK [CAPABILITY IMAP4rev1 UIDPLUS] Ascolta simulator IMAP ready\r\n');
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (literalBytes > 0) {
        if (pending.length < literalBytes) return;
        // Client literals (`{n}`) are inlined as quoted strings so the tokenizer sees one line.
        line += `"${pending.subarray(0, literalBytes).toString('utf8').replace(/[\\"]/g, '\\$&')}"`;
        pending = pending.subarray(literalBytes);
        literalBytes = 0;
      }
      const end = pending.indexOf('\r\n');
      if (end < 0) return;
      line += pending.subarray(0, end).toString('utf8');
      pending = pending.subarray(end + 2);
      const literal = line.match(/\{(\d+)(\+?)\}$/);
      if (literal !== null) {
        line = line.slice(0, -literal[0].length);
        literalBytes = Number(literal[1]);
        if (literal[2] !== '+') socket.write('+ Ready for literal\r\n');
        continue;
      }
      runLine(socket, session, line);
      line = '';
    }
  });
}

function runLine(socket: Socket, session: ReturnType<typeof createImapSession>, line: string): void {
  const [tag, command, ...args] = tokenizeImap(line);
  if (typeof tag !== 'string' || typeof command !== 'string') {
    socket.write(`${typeof tag === 'string' ? tag : '*'} BAD Malformed command\r\n`);
    return;
  }
  const reply = session.handle(tag, command, args);
  for (const part of reply.output) socket.write(part);
  if (reply.closes) socket.end();
}
