import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A benchmark's flags, strictly: an unknown flag or a missing value throws, as `parseArgs` words it. */
export const parseBenchOptions = <const O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
) => parseArgs({ args, strict: true, options }).values;
