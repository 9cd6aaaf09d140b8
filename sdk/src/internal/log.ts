// The debug logger used when none is given and COFFER_LOG=debug is set.
import type { Logger } from '../options.ts';

function stderrLogger(): Logger {
  return {
    debug(message, fields) {
      process.stderr.write(`[coffer] ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
    },
  };
}

export function loggerFromEnv(env: NodeJS.ProcessEnv): Logger | undefined {
  return env.COFFER_LOG === 'debug' ? stderrLogger() : undefined;
}
