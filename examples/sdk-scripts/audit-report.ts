// Audit report: who changed what, and which secrets were read how often, printed as tables.
//
//   COFFER_BASE_URL=http://127.0.0.1:8080 COFFER_API_KEY=... node sdk-scripts/audit-report.ts [--hours 24] [--events 30]
//
// Reads GET /v1/audit/events and GET /v1/audit/secret-reads (metadata only: the API never returns a value).
import { parseArgs } from 'node:util';
import { Coffer } from '@coffer/sdk';
import Table from 'cli-table3';

export interface ReportOptions {
  /** Look back this many hours (default 24). */
  hours?: number;
  /** Most recent events to list (default 30). */
  events?: number;
}

export interface Report {
  events: string[][];
  reads: { name: string; scope: string; reads: number; cacheHits: number; lastRead: string }[];
  totals: { events: number; reads: number };
}

type Row = Record<string, unknown>;

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') {
    const o = v as Row;
    if ('type' in o && 'id' in o) return `${o.type}/${o.id}`;
    if ('name' in o) return String(o.name);
    if ('id' in o) return String(o.id);
    return JSON.stringify(v);
  }
  return String(v);
}

/** First present field of a row (the audit items carry a few optional, kind-specific fields). */
function pick(row: Row, ...keys: string[]): unknown {
  for (const k of keys) if (row[k] !== undefined && row[k] !== null) return row[k];
  return undefined;
}

export async function buildReport(coffer: Coffer, o: ReportOptions = {}): Promise<Report> {
  const since = new Date(Date.now() - (o.hours ?? 24) * 3600_000).toISOString();
  const limit = o.events ?? 30;
  const events: Row[] = [];
  for await (const e of coffer.audit.events({ since } as never)) events.push(e as Row);
  const reads = new Map<string, Report['reads'][number]>();
  let readCount = 0;
  for await (const r of coffer.audit.secretReads({ since } as never)) {
    const row = r as Row;
    readCount++;
    const name = str(pick(row, 'secretName', 'name', 'key'));
    const scope = str(pick(row, 'scope', 'workspaceId'));
    const at = str(pick(row, 'at', 'time', 'timestamp', 'createdAt', 'readAt'));
    const k = `${scope} ${name}`;
    const agg = reads.get(k) ?? { name, scope, reads: 0, cacheHits: 0, lastRead: '' };
    agg.reads++;
    const cache = pick(row, 'cacheHit', 'cache');
    if (cache === true || cache === 'hit' || cache === 'HIT') agg.cacheHits++;
    if (at > agg.lastRead) agg.lastRead = at;
    reads.set(k, agg);
  }
  const recent = events
    .map((e) => ({ e, at: str(pick(e, 'at', 'time', 'timestamp', 'createdAt', 'occurredAt')) }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, limit)
    .map(({ e, at }) => [
      at,
      str(pick(e, 'action', 'type', 'event', 'kind')),
      str(pick(e, 'principal', 'actor', 'apiKeyId', 'apiKeyName')),
      str(pick(e, 'target', 'secretName', 'name', 'resource', 'key')),
      str(pick(e, 'outcome', 'status', 'result')),
      str(pick(e, 'requestId')),
    ]);
  return {
    events: recent,
    reads: [...reads.values()].sort((a, b) => b.reads - a.reads || a.name.localeCompare(b.name)),
    totals: { events: events.length, reads: readCount },
  };
}

export function renderReport(r: Report, o: ReportOptions = {}): string {
  const ev = new Table({
    head: ['time', 'action', 'principal', 'target', 'outcome', 'request id'],
    style: { head: [], border: [] }, // no colours: the report also goes to files and CI logs
  });
  for (const row of r.events) ev.push(row);
  const rd = new Table({
    head: ['secret', 'scope', 'reads', 'cache hits', 'last read'],
    style: { head: [], border: [] },
  });
  for (const x of r.reads) {
    const pct = x.reads ? `${Math.round((100 * x.cacheHits) / x.reads)}%` : '';
    rd.push([x.name, x.scope, String(x.reads), `${x.cacheHits} (${pct})`, x.lastRead]);
  }
  const hours = o.hours ?? 24;
  return [
    `Audit events, last ${hours} h: ${r.totals.events} (most recent ${r.events.length} shown)`,
    ev.toString(),
    `Secret reads, last ${hours} h: ${r.totals.reads} read(s) of ${r.reads.length} secret(s)`,
    rd.toString(),
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { hours: { type: 'string', default: '24' }, events: { type: 'string', default: '30' } },
  });
  const o = { hours: Number(values.hours), events: Number(values.events) };
  const coffer = new Coffer(); // COFFER_BASE_URL, COFFER_API_KEY
  try {
    console.log(renderReport(await buildReport(coffer, o), o));
  } finally {
    await coffer.close();
  }
}

if (import.meta.main) await main();
