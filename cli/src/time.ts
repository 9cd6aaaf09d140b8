// `--since 24h` / `--since 2026-11-01T00:00:00Z`: a duration ago, or an RFC 3339 date-time.
import { usage } from './exit.ts';

const UNIT: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseWhen(text: string, flag: string, now = Date.now()): string {
  const m = /^(\d+)([smhdw])$/.exec(text);
  if (m) return new Date(now - Number(m[1]) * (UNIT[m[2] as string] as number)).toISOString();
  if (/^\d{4}-\d\d-\d\d(T[\d:.]+(Z|[+-]\d\d:\d\d))?$/.test(text) && !Number.isNaN(Date.parse(text))) {
    return new Date(text).toISOString();
  }
  throw usage(
    `${flag}: not a duration or a date-time`,
    'e.g. 30m, 24h, 7d, 2026-11-01 or 2026-11-01T09:00:00Z',
  );
}
