/**
 * POST /v1/secrets:resolve: per name, the narrowest unexpired value along the workspace's own chain
 * (override > workspace > its team > its organization), every value read audited. The only route that
 * returns values.
 */
import type { SecretValue } from '../../crypto/secret-value.ts';
import { ResolveCache, type ResolvedEntry } from '../../services/resolve-cache.ts';
import type { NewSecretReadAudit, SecretRecord, WorkspaceSecretRecord } from '../../store/types.ts';
import { covers, sameOrganization } from '../access.ts';
import type { Handler, Services } from '../context.ts';
import { HttpError } from '../problem.ts';

function live(expiresAt: string | null, now: number): boolean {
  return expiresAt === null || Date.parse(expiresAt) > now;
}

function firstLive<T extends { expiresAt: string | null }>(
  rows: T[],
  pick: (r: T) => boolean,
  now: number,
): T | undefined {
  return rows.find((r) => pick(r) && live(r.expiresAt, now));
}

function fromOverride(s: Services, o: WorkspaceSecretRecord): ResolvedEntry {
  return {
    name: o.key,
    value: s.store.crypto.decryptWorkspaceValue(o.valueEnvelope, o),
    source: 'override',
    scope: { type: 'workspace', id: o.workspaceId },
    version: o.version,
    expiresAt: o.expiresAt,
    backend: 'DB',
    secretId: null,
  };
}

function fromSecret(rec: SecretRecord, value: SecretValue): ResolvedEntry {
  return {
    name: rec.name,
    value,
    source: rec.scopeType,
    scope: { type: rec.scopeType, id: rec.scopeId },
    version: rec.version,
    expiresAt: rec.expiresAt,
    backend: rec.storageBackend,
    secretId: rec.id,
  };
}

export const resolveSecrets: Handler = async (ctx, s) => {
  const p = ctx.principal;
  const b = ctx.body as { workspaceId: string; teamId?: string; names: string[] };
  if (p.role === 'member')
    throw new HttpError(
      403,
      'A member key reads metadata only; resolving values needs runtime, admin or owner.',
    );
  // Another organization's workspace answers like one that does not exist.
  const ws = await s.directory.locate('workspace', b.workspaceId);
  if (!ws || !sameOrganization(p, ws.organizationId)) {
    throw new HttpError(404, `No workspace with id ${b.workspaceId}.`);
  }
  if (!covers(p, ws)) {
    throw new HttpError(403, `This key's ${p.scope.type} scope does not cover workspace ${b.workspaceId}.`);
  }
  // Deprecated: the team layer is the workspace's own team; a caller may still name it, but only that one.
  if (b.teamId !== undefined && b.teamId !== ws.teamId) {
    throw new HttpError(422, `Workspace ${ws.id} is ${ws.teamId ? `in team ${ws.teamId}` : 'in no team'}.`, [
      { pointer: '/teamId', detail: "is not the workspace's team (teamId is deprecated: leave it out)" },
    ]);
  }
  const chain = { workspaceId: ws.id, teamId: ws.teamId, organizationId: ws.organizationId };
  const { view, settings } = await s.manager.remote();
  const ttl = view.cache.ttlSeconds;
  const now = Date.now();
  // A clear (a write, here or on another replica) while this resolve reads: what it read is not cached.
  const generation = s.cache.generation;
  const found = new Map<
    string,
    { entry: ResolvedEntry; cacheHit: boolean; outcome?: 'fallback'; detail?: string }
  >();
  /** Remote values that are no longer there: audited with the reason, never cached. */
  const gone: Array<{ rec: SecretRecord; detail: string | null }> = [];
  const toFetch: string[] = [];
  for (const name of b.names) {
    const hit = s.cache.get(ResolveCache.key(ws.id, name), now);
    if (hit === undefined) toFetch.push(name);
    else if (hit && live(hit.expiresAt, now)) found.set(name, { entry: hit, cacheHit: true });
  }
  if (toFetch.length > 0) {
    const c = await s.store.secrets.findForResolve(chain, toFetch);
    // Names are read in parallel (each may be a remote call); any backend failure fails the resolve (503).
    await Promise.all(
      toFetch.map(async (name) => {
        let entry: ResolvedEntry | null = null;
        const o = firstLive(c.overrides, (r) => r.key === name, now);
        if (o) entry = fromOverride(s, o);
        let rec: SecretRecord | undefined;
        for (const rows of [c.workspace, c.team, c.organization]) {
          if (entry) break;
          rec = firstLive(rows, (r) => r.name === name, now);
          if (rec) break;
        }
        if (!entry && rec) {
          const r = await s.values.read(rec, view.fallback, settings);
          if (r.kind === 'fallback') {
            // Not cached: the next resolve asks the backend again.
            found.set(name, {
              entry: fromSecret(rec, r.value),
              cacheHit: false,
              outcome: 'fallback',
              detail: r.detail,
            });
            return;
          }
          if (r.kind === 'missing' && r.detail !== null) {
            gone.push({ rec, detail: r.detail });
            return;
          }
          if (r.kind === 'value') entry = fromSecret(rec, r.value);
        }
        s.cache.set(ResolveCache.key(ws.id, name), entry, ttl, now, generation);
        if (entry) found.set(name, { entry, cacheHit: false });
      }),
    );
  }
  const items = [];
  const missing: string[] = [];
  const reads: NewSecretReadAudit[] = [];
  for (const name of b.names) {
    const f = found.get(name);
    if (!f) {
      missing.push(name);
      continue;
    }
    const e = f.entry;
    items.push({
      name,
      value: e.value.reveal(),
      source: e.source,
      scope: e.scope,
      version: e.version,
      expiresAt: e.expiresAt,
    });
    reads.push({
      secretId: e.secretId,
      name,
      scopeType: e.scope.type,
      scopeId: e.scope.id,
      backend: e.backend,
      cacheHit: f.cacheHit,
      principalId: p.keyId,
      requestId: ctx.requestId,
      organizationId: ws.organizationId,
      kind: `resolve:${e.source}`,
      ...(f.outcome ? { outcome: f.outcome, detail: f.detail ?? null } : {}),
    });
  }
  for (const { rec, detail } of gone) {
    reads.push({
      secretId: rec.id,
      name: rec.name,
      scopeType: rec.scopeType,
      scopeId: rec.scopeId,
      backend: rec.storageBackend,
      cacheHit: false,
      principalId: p.keyId,
      requestId: ctx.requestId,
      organizationId: ws.organizationId,
      kind: `resolve:${rec.scopeType}`,
      outcome: 'missing',
      detail,
    });
  }
  await s.readAudit.append(reads);
  return { status: 200, body: { items, missing }, headers: { 'cache-control': 'no-store' }, sensitive: true };
};
