import { type Config, ConfigError, loadConfig } from '../config.ts';
import { type CliIo, writeLine } from './cli-command.ts';

/** Loads the configuration, or prints the one-line reason it is invalid and returns null. */
export const loadConfigOrExplain = (io: CliIo): Config | null => {
  try {
    return loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      writeLine(io.stderr, `ascolta: ${error.message}`);
      return null;
    }
    throw error;
  }
};
