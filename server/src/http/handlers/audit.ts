/** /v1/audit/*: value reads and change events, newest first, filtered to what the key covers. */
import type {
  AuditEventRecord,
  AuditFilter,
  ScopeType,
  SecretReadAuditRecord,
  Store,
} from '../../store/types.ts';
import { type Principal, reachOf, requireReader } from '../access.ts';
import type { Handler } from '../context.ts';
import { dateField, page } from './common.ts';

const names = new Map<string, string>();

/** API key names for `principal`; key names never change, so they are cached for the process. */
async function principals(store: Store, ids: Array<string | null>) {
  const out = new Map<string, { apiKeyId: string; name: string }>();
  for (const id of new Set(ids)) {
    if (!id) continue;
    let name = names.get(id);
    if (name === undefined) {
      const rec = await store.apiKeys.get(id);
      if (!rec) continue;
      name = rec.name;
      if (names.size > 10_000) names.clear();
      names.set(id, name);
    }
    out.set(id, { apiKeyId: id, name });
  }
  return out;
}

/**
 * Where the records of a scope begin: after the last `<type>.deleted` of its id, if there is one. Ids are
 * names and can be taken again once free; the records of the scope that was deleted (its secrets' names,
 * keys, reads) are not the new one's to see. Organization events are the deployment's; a team's or a
 * workspace's are its organization's.
 */
async function lifetimeStart(store: Store, type: ScopeType, id: string, organizationId: string) {
  const deleted = await store.audit.listEvents({
    type: `${type}.deleted`,
    name: id,
    ...(type === 'organization' ? { deploymentLevel: true } : { within: { organizationId } }),
    newestFirst: true,
    limit: 1,
  });
  const at = deleted.items[0]?.at;
  // Everything the deleted one recorded is at or before its deletion (timestamps are milliseconds).
  return at === undefined ? 0 : Date.parse(at) + 1;
}

/**
 * A key sees the records of its scope and below in its own organization, from the time its organization and
 * its own scope took their ids; a deployment key also the deployment-level ones (organizations, the
 * configuration, failed logins). Null: it sees nothing.
 */
async function filterOf(store: Store, p: Principal, q: Record<string, unknown>): Promise<AuditFilter | null> {
  const f: AuditFilter = { ...page(q), newestFirst: true };
  const within = reachOf(p);
  if (within) {
    f.within = within;
    const org = within.organizationId;
    let start = await lifetimeStart(store, 'organization', org, org);
    if (p.scope.type !== 'organization') {
      start = Math.max(start, await lifetimeStart(store, p.scope.type, p.scope.id, org));
    }
    if (start > 0) f.withinFrom = new Date(start).toISOString();
  }
  if (p.deployment) f.deploymentLevel = true;
  if (!f.within && !f.deploymentLevel) return null;
  const from = dateField(q.from, '/query/from', 400);
  const to = dateField(q.to, '/query/to', 400);
  if (from) f.from = from;
  if (to) f.to = to;
  if (typeof q.name === 'string') f.name = q.name;
  if (typeof q.type === 'string') f.type = q.type;
  return f;
}

export const listSecretReads: Handler = async (ctx, s) => {
  requireReader(ctx.principal, 'read the audit log');
  const filter = await filterOf(s.store, ctx.principal, ctx.query);
  if (!filter) return { status: 200, body: { items: [], nextCursor: null } };
  const r = await s.store.audit.listSecretReads(filter);
  const rows = r.items;
  const who = await principals(
    s.store,
    rows.map((x) => x.principalId),
  );
  return { status: 200, body: { items: rows.map((x) => readView(x, who)), nextCursor: r.nextCursor } };
};

function readView(x: SecretReadAuditRecord, who: Map<string, { apiKeyId: string; name: string }>) {
  const [, source] = x.kind.split(':');
  return {
    id: x.id,
    secretName: x.name,
    scope: { type: x.scopeType, id: x.scopeId },
    source: source ?? x.scopeType,
    backend: x.backend,
    cacheHit: x.cacheHit,
    principal: (x.principalId && who.get(x.principalId)) || null,
    requestId: x.requestId ?? '',
    at: x.at,
    outcome: x.outcome,
    detail: x.detail,
  };
}

export const listAuditEvents: Handler = async (ctx, s) => {
  requireReader(ctx.principal, 'read the audit log');
  const filter = await filterOf(s.store, ctx.principal, ctx.query);
  if (!filter) return { status: 200, body: { items: [], nextCursor: null } };
  const r = await s.store.audit.listEvents(filter);
  const rows = r.items;
  const who = await principals(
    s.store,
    rows.map((x) => x.principalId),
  );
  return { status: 200, body: { items: rows.map((x) => eventView(x, who)), nextCursor: r.nextCursor } };
};

function eventView(x: AuditEventRecord, who: Map<string, { apiKeyId: string; name: string }>) {
  const d = x.details ?? {};
  return {
    id: x.id,
    type: x.type,
    principal: (x.principalId && who.get(x.principalId)) || null,
    target: {
      kind: typeof d.kind === 'string' ? d.kind : 'request',
      id: typeof d.id === 'string' ? d.id : null,
      name: x.name,
      scope: x.scopeType && x.scopeId ? { type: x.scopeType, id: x.scopeId } : null,
    },
    requestId: x.requestId ?? '',
    clientRequestId: typeof d.clientRequestId === 'string' ? d.clientRequestId : null,
    at: x.at,
  };
}
