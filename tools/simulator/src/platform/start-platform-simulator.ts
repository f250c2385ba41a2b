import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { json, type SimRequest, type SimResponse } from './http-exchange.ts';
import { injectedFailureResponse } from './injected-failure-response.ts';
import {
  createPlatformState,
  demoAccounts,
  type InjectedFailure,
  type PlatformState,
  type SentRecord,
  type SimulatedAccounts,
  type SimulatedApi,
  type SimulatedTweet,
} from './platform-state.ts';
import { filterSent, handleControlApi, handleCustomCallback, type SentFilter } from './simulated-control-api.ts';
import { handleGraphApi } from './simulated-graph-api.ts';
import { handleXApi } from './simulated-x-api.ts';

export interface PlatformSimulator {
  /** Base URL of the X API (`/2/…`), the Graph API (`/v21.0/…`) and the control API (`/_sim/…`). */
  url: string;
  graphBaseUrl: string;
  customCallbackUrl(channelId: string): string;
  state: PlatformState;
  sent(filter?: SentFilter): SentRecord[];
  /** The next `times` calls to that platform fail the way the platform really fails. */
  failNext(api: SimulatedApi, failure: InjectedFailure, times?: number): void;
  publishTweet(tweet: SimulatedTweet): void;
  close(): Promise<void>;
}

export interface SimulatorOptions {
  port?: number;
  host?: string;
  accounts?: SimulatedAccounts;
}

const apiOf = (path: string): SimulatedApi =>
  path.startsWith('/2/') ? 'x' : path.startsWith('/custom/') ? 'custom' : 'graph';

/** Starts the fake X / Meta / custom-source platforms on 127.0.0.1 (port 0 = any free port). */
export const startPlatformSimulator = async (options: SimulatorOptions = {}): Promise<PlatformSimulator> => {
  const state = createPlatformState(options.accounts ?? demoAccounts);
  const server = createServer(async (incoming, outgoing) => {
    const response = await respond(state, incoming).catch((error: unknown) => json(500, { error: String(error) }));
    outgoing.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8', ...response.headers });
    outgoing.end(JSON.stringify(response.body));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    url,
    graphBaseUrl: `${url}/v21.0`,
    customCallbackUrl: (channelId) => `${url}/custom/${encodeURIComponent(channelId)}/replies`,
    state,
    sent: (filter = {}) => filterSent(state, filter),
    failNext: (api, failure, times = 1) => state.failures[api].push(...Array<InjectedFailure>(times).fill(failure)),
    publishTweet: (tweet) => state.tweets.push(tweet),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};

const respond = async (state: PlatformState, incoming: IncomingMessage): Promise<SimResponse> => {
  const url = new URL(incoming.url ?? '/', 'http://simulator');
  const text = await readBody(incoming);
  let body: unknown = null;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      return json(400, { error: 'body is not JSON' });
    }
  }
  const request: SimRequest = {
    method: incoming.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: incoming.headers,
    body,
  };
  const control = handleControlApi(state, request);
  if (control !== null) return control;
  const api = apiOf(request.path);
  const failure = state.failures[api].shift();
  if (failure !== undefined) return injectedFailureResponse(api, failure);
  if (api !== 'custom' && !String(incoming.headers.authorization ?? '').startsWith('Bearer ')) {
    return injectedFailureResponse(api, 'auth-expired');
  }
  const handled =
    api === 'x'
      ? handleXApi(state, request)
      : api === 'graph'
        ? handleGraphApi(state, request)
        : handleCustomCallback(state, request);
  return handled ?? json(404, { error: `the simulator does not implement ${request.method} ${request.path}` });
};

const readBody = async (incoming: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};
