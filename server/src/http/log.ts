/**
 * JSON log lines. Callers pass fields, never request bodies; decrypted values are SecretValue instances,
 * which serialise as "[redacted]", so a value that reaches a log line by mistake still does not print.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function jsonLogger(
  write: (line: string) => void = (l) => process.stdout.write(l),
  minLevel: LogLevel = 'info',
): Logger {
  const min = ORDER[minLevel];
  return {
    log(level, msg, fields) {
      if (ORDER[level] < min) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
    },
  };
}

export function parseLogLevel(v: string | undefined): LogLevel {
  const l = (v ?? 'info').toLowerCase();
  if (l === 'debug' || l === 'info' || l === 'warn' || l === 'error') return l;
  throw new Error('COFFER_LOG_LEVEL must be debug, info, warn or error');
}
