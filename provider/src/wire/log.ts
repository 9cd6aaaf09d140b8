// Logging for a plugin process: hclog-style JSON lines on stderr, which go-plugin forwards into the host's
// log at the line's level (shown with TF_LOG / TF_LOG_PROVIDER). stdout belongs to the handshake.
// Callers pass only what is safe to log: never secret values.

export type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };

export type Fields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  trace(message: string, fields?: Fields): void;
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

function threshold(env: NodeJS.ProcessEnv): Level {
  const wanted = (env.TF_LOG_PROVIDER ?? env.TF_LOG ?? '').toLowerCase();
  if (wanted === 'json') return 'trace';
  return wanted in ORDER ? (wanted as Level) : 'info';
}

/** go-plugin parses `@timestamp` with Go layout 2006-01-02T15:04:05.000000Z07:00 (microseconds). */
function timestamp(d: Date): string {
  return `${d.toISOString().slice(0, 23)}000Z`;
}

export function createLogger(
  module = 'provider.terraform-provider-coffer',
  write: (line: string) => void = (line) => process.stderr.write(line),
  env: NodeJS.ProcessEnv = process.env,
): Logger {
  const min = ORDER[threshold(env)];
  const emit = (level: Level) => (message: string, fields?: Fields) => {
    if (ORDER[level] < min) return;
    const entry: Record<string, unknown> = {
      '@level': level,
      '@message': message,
      '@module': module,
      '@timestamp': timestamp(new Date()),
    };
    for (const [k, v] of Object.entries(fields ?? {}))
      if (v !== undefined && !k.startsWith('@')) entry[k] = v;
    write(`${JSON.stringify(entry)}\n`);
  };
  return {
    trace: emit('trace'),
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
  };
}

export const log: Logger = createLogger();
