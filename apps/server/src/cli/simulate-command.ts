import {
  type DeliverySecrets,
  demoAccounts,
  demoSecrets,
  scenarios,
  sendScenario,
  startEmailSimulator,
  startPlatformSimulator,
} from '@ascolta/simulator';
import { type CliCommand, type CliIo, parseFlags, UsageError, writeLine } from './cli-command.ts';

const scenarioListing = (): string =>
  Object.entries(scenarios)
    .map(([name, scenario]) => `  ${name.padEnd(18)}  ${scenario.summary}`)
    .join('\n');

const help = (): string =>
  [
    'Usage: ascolta simulate <serve|scenario|list> [options]',
    '',
    'Offline stand-ins for X, Meta (Facebook, Messenger, Instagram, WhatsApp) and custom sources.',
    '',
    'ascolta simulate serve [--port 4100] [--host 127.0.0.1] [--email]',
    '  Runs the fake platform APIs the connectors call: X API v2 (POST /2/tweets, DMs, mentions timeline,',
    '  recent search) and the Graph API (comment replies, private replies, /{page}/messages, WhatsApp',
    '  /{phone-id}/messages). Point Ascolta at it with X_API_URL=<url> and META_GRAPH_URL=<url>/v21.0.',
    '  It records what the product sent and can fail on purpose:',
    '    GET  /_sim/sent?platform=&thread=&recipient=      what the product sent',
    '    POST /_sim/failures {"api":"x|graph|custom","failure":"auth-expired|rate-limited|temporary","times":1}',
    '    POST /_sim/tweets {...}                              put a tweet on the mentions/search timeline',
    '    POST /_sim/reset',
    '  --email also starts the e-mail simulator: an SMTP sink for what the product sends and an IMAP mailbox.',
    '',
    'ascolta simulate scenario <name> [--target http://localhost:3000] [--seed 1] [--rate N] [--smtp host:port]',
    "  Sends correctly signed webhooks, in the platforms' real shapes, to a running Ascolta. The same seed",
    '  gives the same traffic and ids (a second run is a replay). Secrets default to the demo ones:',
    '    --meta-app-secret demo-meta-app-secret  --x-consumer-secret demo-x-consumer-secret',
    '    --custom-channel shop-reviews           --custom-secret demo-custom-secret',
    "  --smtp: the product's SMTP listener for e-mail steps (skipped without it); --rate: deliveries per second.",
    '',
    'Scenarios:',
    scenarioListing(),
  ].join('\n');

const serve = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parseFlags(args, {
    port: { type: 'string', default: '4100' },
    host: { type: 'string', default: '127.0.0.1' },
    email: { type: 'boolean', default: false },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number, not '${values.port}'`);
  const simulator = await startPlatformSimulator({ port, host: values.host });
  writeLine(io.stdout, `Simulated platforms on ${simulator.url}`);
  writeLine(io.stdout, `  X_API_URL=${simulator.url} META_GRAPH_URL=${simulator.graphBaseUrl}`);
  writeLine(io.stdout, `  what the product sent: ${simulator.url}/_sim/sent   (Ctrl-C stops)`);
  const email = values.email ? await startEmailSimulator({ host: values.host }) : null;
  if (email !== null) {
    writeLine(
      io.stdout,
      `E-mail: SMTP sink ${email.host}:${email.smtpPort}, IMAP ${email.host}:${email.imapPort} (${email.user} / ${email.password})`,
    );
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await email?.stop();
  await simulator.close();
  return 0;
};

const scenarioFlags = {
  target: { type: 'string', default: 'http://localhost:3000' },
  seed: { type: 'string', default: '1' },
  rate: { type: 'string' },
  smtp: { type: 'string' },
  'meta-app-secret': { type: 'string', default: demoSecrets.metaAppSecret },
  'x-consumer-secret': { type: 'string', default: demoSecrets.xConsumerSecret },
  'custom-channel': { type: 'string', default: 'shop-reviews' },
  'custom-secret': { type: 'string', default: 'demo-custom-secret' },
} as const;

const smtpTarget = (value: string | undefined) => {
  if (value === undefined) return null;
  const match = /^(.+):(\d+)$/.exec(value);
  if (!match) throw new UsageError(`--smtp must be host:port, not '${value}'`);
  return { host: match[1]!, port: Number(match[2]) };
};

const runScenario = async (args: string[], io: CliIo): Promise<number> => {
  const { values, positionals } = parseFlags(args, scenarioFlags, true);
  const name = positionals[0];
  if (name === undefined) throw new UsageError('name a scenario (ascolta simulate list)');
  const scenario = scenarios[name];
  if (scenario === undefined)
    throw new UsageError(`unknown scenario '${name}' (known: ${Object.keys(scenarios).join(', ')})`);
  const seed = Number(values.seed);
  const rate = values.rate === undefined ? null : Number(values.rate);
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
  if (rate !== null && !(rate > 0)) throw new UsageError('--rate must be a positive number');
  const secrets: DeliverySecrets = {
    metaAppSecret: values['meta-app-secret'],
    xConsumerSecret: values['x-consumer-secret'],
    customSecrets: { [values['custom-channel']]: values['custom-secret'] },
  };
  const result = await sendScenario(scenario, {
    target: values.target,
    seed,
    secrets,
    accounts: demoAccounts,
    customChannelId: values['custom-channel'],
    supportMailbox: 'support@ascolta.local',
    smtp: smtpTarget(values.smtp),
    ratePerSecond: rate,
  });
  for (const rejection of result.rejected)
    writeLine(io.stderr, `rejected ${rejection.path}: ${rejection.status} ${rejection.body}`);
  const { ackMilliseconds, ...counts } = result;
  writeLine(io.stdout, JSON.stringify({ scenario: name, seed, ...counts, rejected: result.rejected.length }));
  return result.rejected.length === 0 ? 0 : 1;
};

export const simulateCommand: CliCommand = {
  summary: 'Offline platform simulator (serve) and traffic generator (scenario NAME)',
  get help() {
    return help();
  },
  async run(args, io) {
    const [action, ...rest] = args;
    if (action === 'serve') return serve(rest, io);
    if (action === 'scenario') return runScenario(rest, io);
    if (action === 'list') {
      writeLine(io.stdout, scenarioListing());
      return 0;
    }
    throw new UsageError(
      action === undefined ? 'name an action: serve, scenario or list' : `unknown action '${action}'`,
    );
  },
};
