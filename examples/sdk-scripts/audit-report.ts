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

const scopeOf = (s: { type: string; id: string } | null | undefined) => (s ? `${s.type}/${s.id}` : '');

export async function buildReport(coffer: Coffer, o: ReportOptions = {}): Promise<Report> {
  const from = new Date(Date.now() - (o.hours ?? 24) * 3600_000).toISOString();
  const limit = o.events ?? 30;
  const events = [];
  for await (const e of coffer.audit.events({ from, limit: 500 })) events.push(e);
  const reads = new Map<string, Report['reads'][number]>();
  let readCount = 0;
  for await (const r of coffer.audit.secretReads({ from, limit: 500 })) {
    readCount++;
    const scope = scopeOf(r.scope);
    const k = `${scope} ${r.secretName}`;
    const agg = reads.get(k) ?? { name: r.secretName, scope, reads: 0, cacheHits: 0, lastRead: '' };
    agg.reads++;
    if (r.cacheHit) agg.cacheHits++;
    if (r.at > agg.lastRead) agg.lastRead = r.at;
    reads.set(k, agg);
  }
  const recent = events
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, limit)
    .map((e) => [
      e.at,
      e.type,
      e.principal?.name ?? '(none)',
      [e.target.kind, scopeOf(e.target.scope), e.target.name].filter(Boolean).join(' '),
      e.requestId,
    ]);
  return {
    events: recent,
    reads: [...reads.values()].sort((a, b) => b.reads - a.reads || a.name.localeCompare(b.name)),
    totals: { events: events.length, reads: readCount },
  };
}

export function renderReport(r: Report, o: ReportOptions = {}): string {
  const ev = new Table({
    head: ['time', 'event', 'principal', 'target', 'request id'],
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
