import { roles } from '../config.ts';
import { shutdownOnSignals } from '../runtime/shutdown-on-signals.ts';
import { startServer } from '../runtime/start-server.ts';
import { type CliCommand, parseFlags, UsageError, writeLine } from './cli-command.ts';
import { loadConfigOrExplain } from './load-config-or-explain.ts';

const isRole = (value: string): value is (typeof roles)[number] => (roles as readonly string[]).includes(value);

export const startCommand: CliCommand = {
  summary: 'Serve the API, webhooks and web app, and run the pipeline workers',
  help: [
    'Usage: ascolta start [--role all|api|worker]',
    '',
    'Starts Ascolta. On an empty embedded data folder it migrates the database and seeds the demo workspace',
    '(ASCOLTA_DEMO=0 to skip). Configuration comes from the environment: see the README.',
    '',
    'Options:',
    '  --role all|api|worker  all (default, or ASCOLTA_ROLE): HTTP and workers in one process;',
    '                         api: HTTP only; worker: background jobs only',
    '  -h, --help             show this help',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(args, { role: { type: 'string' } });
    if (values.role !== undefined && !isRole(values.role)) {
      throw new UsageError(`--role must be one of ${roles.join(', ')} (got '${values.role}')`);
    }
    const config = loadConfigOrExplain(io);
    if (config === null) return 1;
    const role = values.role ?? config.role;
    const server = await startServer(config, role, (line) => writeLine(io.stdout, line));
    if (server.url === null) writeLine(io.stdout, `Ascolta worker running (role ${role})`);
    await new Promise<void>((resolve) => {
      const removeHandlers = shutdownOnSignals(
        async () => {
          await server.stop();
          removeHandlers();
          resolve();
        },
        config.shutdownTimeoutMs,
        (line) => writeLine(io.stderr, line),
      );
    });
    return 0;
  },
};
