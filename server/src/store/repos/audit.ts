/** The audit repository: value reads and events, append-only. */
import { randomUUID } from 'node:crypto';
import { clampLimit } from '../cursor.ts';
import { boolOut, jsonOut, tsIn, tsOut } from '../dialect.ts';
import type { SqlExecutor } from '../executor.ts';
import type {
  AuditEventRecord,
  AuditFilter,
  AuditRepo,
  NewAuditEvent,
  NewSecretReadAudit,
  ScopeType,
  SecretReadAuditRecord,
} from '../types.ts';
import { now, pageOf, type Row, reachCondition, tsIdCursor, Where } from './common.ts';

const EVENT_COLS =
  'id, at, type, principal_id, request_id, name, scope_type, scope_id, details, organization_id';

function secretReadFromRow(r: Row): SecretReadAuditRecord {
  return {
    id: String(r.id),
    at: tsOut(r.at),
    secretId: (r.secret_id as string | null) ?? null,
    name: String(r.name),
    scopeType: r.scope_type as ScopeType,
    scopeId: String(r.scope_id),
    backend: r.backend as SecretReadAuditRecord['backend'],
    cacheHit: boolOut(r.cache_hit),
    principalId: (r.principal_id as string | null) ?? null,
    requestId: (r.request_id as string | null) ?? null,
    organizationId: (r.organization_id as string | null) ?? null,
    kind: String(r.kind),
    outcome: ((r.outcome as string | null) ?? 'value') as SecretReadAuditRecord['outcome'],
    detail: (r.detail as string | null) ?? null,
  };
}

function auditEventFromRow(r: Row): AuditEventRecord {
  return {
    id: String(r.id),
    at: tsOut(r.at),
    type: String(r.type),
    principalId: (r.principal_id as string | null) ?? null,
    requestId: (r.request_id as string | null) ?? null,
    name: (r.name as string | null) ?? null,
    scopeType: (r.scope_type as ScopeType | null) ?? null,
    scopeId: (r.scope_id as string | null) ?? null,
    organizationId: (r.organization_id as string | null) ?? null,
    details: r.details === null || r.details === undefined ? null : jsonOut(r.details),
  };
}

function auditWhere(filter: AuditFilter, typeColumn: string): Where {
  const where = new Where().eq('name', filter.name).eq(typeColumn, filter.type);
  if (filter.from !== undefined) where.add('at >= ?', tsIn(filter.from));
  if (filter.to !== undefined) where.add('at < ?', tsIn(filter.to));
  if (filter.cursor) {
    where.add(filter.newestFirst ? '(at, id) < (?, ?)' : '(at, id) > (?, ?)', ...tsIdCursor(filter.cursor));
  }
  const reach = filter.within ? reachCondition(filter.within, 'organization_id') : null;
  if (reach && filter.withinFrom !== undefined) {
    reach.sql = `(${reach.sql} AND at >= ?)`;
    reach.params.push(tsIn(filter.withinFrom));
  }
  if (reach && filter.deploymentLevel)
    where.add(`(organization_id IS NULL OR ${reach.sql})`, ...reach.params);
  else if (reach) where.add(reach.sql, ...reach.params);
  else if (filter.deploymentLevel) where.add('organization_id IS NULL');
  return where;
}

const order = (filter: AuditFilter) => (filter.newestFirst ? 'at DESC, id DESC' : 'at, id');

const READ_COLS =
  'id, at, secret_id, name, scope_type, scope_id, backend, cache_hit, principal_id, request_id, kind, outcome, detail, organization_id';
const READ_ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const READ_CHUNK = 32;

export function auditRepo(ex: SqlExecutor): AuditRepo {
  const readParams = (e: NewSecretReadAudit): [string, unknown[]] => {
    const id = randomUUID();
    const at = e.at ? tsIn(e.at) : now();
    return [
      id,
      [
        id,
        at,
        e.secretId ?? null,
        e.name,
        e.scopeType,
        e.scopeId,
        e.backend,
        ex.dialect === 'sqlite' ? (e.cacheHit ? 1 : 0) : Boolean(e.cacheHit),
        e.principalId ?? null,
        e.requestId ?? null,
        e.kind,
        e.outcome ?? 'value',
        e.detail ?? null,
        e.organizationId ?? null,
      ],
    ];
  };
  const insertRead = `INSERT INTO secret_reads (${READ_COLS}) VALUES ${READ_ROW}`;
  return {
    async appendSecretRead(entry) {
      const [, params] = readParams(entry);
      const rows = await ex.query(`${insertRead} RETURNING ${READ_COLS}`, params);
      return secretReadFromRow(rows[0] as Row);
    },

    async appendSecretReads(entries) {
      if (entries.length === 0) return;
      // Multi-row INSERTs in chunks of at most READ_CHUNK rows: one round trip per chunk instead of per row,
      // and at most READ_CHUNK distinct statement texts to prepare.
      const rows = entries.map((e) => readParams(e)[1]);
      const insertChunks = async (target: SqlExecutor) => {
        for (let i = 0; i < rows.length; i += READ_CHUNK) {
          const chunk = rows.slice(i, i + READ_CHUNK);
          await target.execute(
            `INSERT INTO secret_reads (${READ_COLS}) VALUES ${chunk.map(() => READ_ROW).join(', ')}`,
            chunk.flat(),
          );
        }
      };
      if (rows.length <= READ_CHUNK) await insertChunks(ex);
      else await ex.transaction(insertChunks);
    },

    async listSecretReads(filter) {
      const limit = clampLimit(filter.limit);
      const where = auditWhere(filter, 'kind');
      const rows = await ex.query(
        `SELECT ${READ_COLS} FROM secret_reads${where.sql()} ORDER BY ${order(filter)} LIMIT ?`,
        [...where.params, limit + 1],
      );
      return pageOf(rows, limit, secretReadFromRow, (r) => [r.at, r.id]);
    },

    async appendEvent(entry: NewAuditEvent) {
      const rows = await ex.query(
        `INSERT INTO audit_events (${EVENT_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${EVENT_COLS}`,
        [
          randomUUID(),
          entry.at ? tsIn(entry.at) : now(),
          entry.type,
          entry.principalId ?? null,
          entry.requestId ?? null,
          entry.name ?? null,
          entry.scopeType ?? null,
          entry.scopeId ?? null,
          entry.details === null || entry.details === undefined ? null : JSON.stringify(entry.details),
          entry.organizationId ?? null,
        ],
      );
      return auditEventFromRow(rows[0] as Row);
    },

    async listEvents(filter) {
      const limit = clampLimit(filter.limit);
      const where = auditWhere(filter, 'type');
      const rows = await ex.query(
        `SELECT ${EVENT_COLS} FROM audit_events${where.sql()} ORDER BY ${order(filter)} LIMIT ?`,
        [...where.params, limit + 1],
      );
      return pageOf(rows, limit, auditEventFromRow, (r) => [r.at, r.id]);
    },
  };
}
