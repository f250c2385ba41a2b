import { benchmarks } from '@ascolta/bench';
import { type CliCommand, UsageError, wantsHelp, writeLine } from './cli-command.ts';

const listing = (): string =>
  Object.entries(benchmarks)
    .map(([name, benchmark]) => `  ${name.padEnd(10)}  ${benchmark.summary}`)
    .join('\n');

export const benchCommand: CliCommand = {
  summary: 'Run a benchmark; the last line printed is its JSON summary',
  get help() {
    return [
      'Usage: ascolta bench <name> [options]',
      '',
      'Benchmarks:',
      listing(),
      '',
      'Run `ascolta bench <name> --help` for the options of one benchmark.',
    ].join('\n');
  },
  async run(args, io) {
    const [name, ...rest] = args;
    if (name === undefined) throw new UsageError('name a benchmark');
    const benchmark = benchmarks[name];
    if (benchmark === undefined) {
      throw new UsageError(`unknown benchmark '${name}' (known: ${Object.keys(benchmarks).join(', ') || 'none'})`);
    }
    if (wantsHelp(rest)) {
      writeLine(io.stdout, benchmark.help);
      return 0;
    }
    const summary = await benchmark.run(rest, (line) => writeLine(io.stderr, line));
    writeLine(io.stdout, JSON.stringify({ benchmark: name, ...summary }));
    return 0;
  },
};
