/** /v1/secrets: scoped secrets, metadata only. */
import { randomUUID } from 'node:crypto';
import { ENV_ALLOW_SETTING } from '../../backends/env.ts';
import { isRemote, type Placement } from '../../services/secret-values.ts';
import { type Category, DuplicateError, type ScopeType, type SecretPatch } from '../../store/types.ts';
import { covers, reachOf, requireReader, requireWriter, type Scope } from '../access.ts';
import type { Handler } from '../context.ts';
import { HttpError } from '../problem.ts';
import { etag, secretView } from '../views.ts';
import { type Body, dateField, event, expectedRevision, page } from './common.ts';
import { scopeForWrite, stillThere } from './scopes.ts';

const DEFAULT_CATEGORY: Category = 'integration';

function notFound(id: string): HttpError {
  return new HttpError(404, `No secret with id ${id}.`);
}

export const createSecret: Handler = async (ctx, s) => {
  const b = ctx.body as Body;
  const scope = b.scope as Scope;
  requireWriter(ctx.principal, 'write secrets');
  const at = await scopeForWrite(ctx.principal, s, scope.type, scope.id, '/scope/id');
  const { effectiveBackend } = await s.manager.current();
  const name = b.name as string;
  const id = randomUUID();
  const row = { id, scopeType: scope.type, scopeId: scope.id, name };
  if (b.vaultRef !== undefined && effectiveBackend !== 'READONLY_VAULT') {
    throw new HttpError(422, 'vaultRef is only for the READONLY_VAULT backend.', [
      { pointer: '/vaultRef', detail: `is not accepted while the effective backend is ${effectiveBackend}` },
    ]);
  }
  const duplicate = () =>
    new HttpError(409, `A secret named ${name} already exists in ${scope.type} ${scope.id}.`, [
      { pointer: '/name', detail: 'already exists in this scope' },
    ]);
  let placement: Placement | null = null;
  let storageReference: string | null = null;
  if (effectiveBackend === 'ENV') {
    if (b.value !== undefined) {
      throw new HttpError(422, "The ENV backend is read-only: values come from the server's environment.", [
        { pointer: '/value', detail: 'is not accepted by the ENV backend' },
      ]);
    }
    // Binding a name of the server's environment is the operator's decision (the allow-list), taken for
    // the whole deployment: only an organization key may make one, and only for an allowed name.
    if (ctx.principal.scope.type !== 'organization') {
      throw new HttpError(
        403,
        'Only an organization key can bind a secret to the server environment (ENV backend).',
      );
    }
    if (!s.envBackend.allows(name)) {
      throw new HttpError(422, `The ENV backend does not read ${name}: the operator has not allowed it.`, [
        {
          pointer: '/name',
          detail: `is not in ${ENV_ALLOW_SETTING} (or is one of the server's own settings)`,
        },
      ]);
    }
    storageReference = name;
  } else if (effectiveBackend === 'READONLY_VAULT') {
    if (b.value !== undefined) {
      throw new HttpError(
        422,
        'READONLY_VAULT never writes to Vault: give vaultRef (path#key), not a value.',
        [{ pointer: '/value', detail: 'is not accepted by the READONLY_VAULT backend' }],
      );
    }
    if (typeof b.vaultRef !== 'string') {
      throw new HttpError(422, 'A vaultRef (path#key) is required.', [
        { pointer: '/vaultRef', detail: 'is required for the READONLY_VAULT backend' },
      ]);
    }
  } else if (typeof b.value !== 'string') {
    throw new HttpError(422, 'A value is required.', [
      { pointer: '/value', detail: `is required for the ${effectiveBackend} backend` },
    ]);
  }
  const expiresAt = dateField(b.expiresAt, '/expiresAt');
  if (isRemote(effectiveBackend)) {
    // Checked before anything is written remotely: a duplicate must not touch the other secret's value.
    if (await s.store.secrets.getByNaturalKey(scope.type, scope.id, name)) throw duplicate();
    placement =
      effectiveBackend === 'READONLY_VAULT'
        ? await s.values.placeReference(b.vaultRef as string)
        : await s.values.place(
            effectiveBackend,
            { ...row, organizationId: at.organizationId, teamId: at.teamId },
            b.value as string,
          );
  } else if (effectiveBackend === 'DB') {
    placement = await s.values.place('DB', row, b.value as string);
  }
  try {
    const rec = await s.store.transaction(async (tx) => {
      await stillThere(tx, scope.type, scope.id, '/scope/id');
      const created = await tx.secrets.create({
        ...row,
        category: (b.category as Category | undefined) ?? DEFAULT_CATEGORY,
        description: (b.description as string | null | undefined) ?? null,
        expiresAt: expiresAt ?? null,
        storageBackend: effectiveBackend,
        storageReference: placement?.storageReference ?? storageReference,
        storageRemoteVersion: placement?.storageRemoteVersion ?? null,
        valueEnvelope: placement?.valueEnvelope ?? null,
        vaultRef: placement?.vaultRef ?? null,
      });
      await tx.audit.appendEvent(
        event(ctx.principal, ctx, 'secret.created', { kind: 'secret', id, name, scope }),
      );
      return created;
    });
    s.cache.clear();
    return {
      status: 201,
      body: secretView(rec),
      headers: { etag: etag(rec.revision), location: `/v1/secrets/${rec.id}` },
    };
  } catch (err) {
    // No record: nothing may stay behind in the backend either.
    await placement?.undo();
    if (err instanceof DuplicateError) throw duplicate();
    throw err;
  }
};

export const listSecrets: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireReader(p, 'list secrets');
  const q = ctx.query;
  const scopeType = q.scopeType as ScopeType | undefined;
  const scopeId = q.scopeId as string | undefined;
  const within = reachOf(p);
  if (!within) return { status: 200, body: { items: [], nextCursor: null } };
  if (p.scope.type !== 'organization' && scopeType && scopeId) {
    const at = await s.directory.locate(scopeType, scopeId);
    if (!at || !covers(p, at)) {
      throw new HttpError(403, `This key's ${p.scope.type} scope does not cover that filter.`);
    }
  }
  const result = await s.store.secrets.list({
    ...page(q),
    within,
    ...(scopeType ? { scopeType } : {}),
    ...(scopeId ? { scopeId } : {}),
    ...(typeof q.namePrefix === 'string' ? { namePrefix: q.namePrefix } : {}),
    ...(typeof q.category === 'string' ? { category: q.category as Category } : {}),
  });
  return { status: 200, body: { items: result.items.map(secretView), nextCursor: result.nextCursor } };
};

async function coveredSecret(ctx: Parameters<Handler>[0], s: Parameters<Handler>[1]) {
  const id = ctx.path.secretId as string;
  const rec = await s.store.secrets.get(id);
  // Out-of-scope secrets answer 404 like missing ones: a key learns nothing about other scopes.
  const at = rec ? await s.directory.locate(rec.scopeType, rec.scopeId) : null;
  if (!rec || !at || !covers(ctx.principal, at)) throw notFound(id);
  return rec;
}

export const getSecret: Handler = async (ctx, s) => {
  requireReader(ctx.principal, 'read secrets');
  const rec = await coveredSecret(ctx, s);
  return { status: 200, body: secretView(rec), headers: { etag: etag(rec.revision) } };
};

export const updateSecret: Handler = async (ctx, s) => {
  requireWriter(ctx.principal, 'write secrets');
  const b = ctx.body as Body;
  const rec = await coveredSecret(ctx, s);
  const expected = expectedRevision(ctx.headers['if-match']);
  const preconditionFailed = (current: number) =>
    new HttpError(412, `The secret changed: it is at revision ${current}.`, undefined, {
      etag: etag(current),
    });
  if (expected === 'never') throw preconditionFailed(rec.revision);
  const patch: SecretPatch = {};
  if (b.vaultRef !== undefined && rec.storageBackend !== 'READONLY_VAULT') {
    throw new HttpError(422, 'vaultRef is only for READONLY_VAULT secrets.', [
      { pointer: '/vaultRef', detail: `is not accepted for a ${rec.storageBackend} secret` },
    ]);
  }
  if (b.value !== undefined) {
    if (rec.storageBackend === 'ENV' || rec.storageBackend === 'READONLY_VAULT') {
      throw new HttpError(
        422,
        rec.storageBackend === 'ENV'
          ? "The ENV backend is read-only: values come from the server's environment."
          : 'A READONLY_VAULT secret is a reference: change vaultRef, Coffer never writes to Vault.',
        [{ pointer: '/value', detail: `is not accepted for a ${rec.storageBackend} secret` }],
      );
    }
  }
  // A lost race is answered before a remote backend is written to (the store checks again when it commits).
  if (expected !== undefined && expected !== rec.revision) throw preconditionFailed(rec.revision);
  if (b.value !== undefined) {
    Object.assign(patch, await s.values.rotate(rec, b.value as string));
    patch.valueChanged = true;
  }
  if (b.vaultRef !== undefined) {
    const placed = await s.values.placeReference(b.vaultRef as string);
    patch.vaultRef = placed.vaultRef;
    patch.storageReference = placed.storageReference;
    patch.valueChanged = true;
  }
  if (b.description !== undefined) patch.description = b.description as string | null;
  if (b.category !== undefined) patch.category = b.category as Category;
  if (b.expiresAt !== undefined) patch.expiresAt = dateField(b.expiresAt, '/expiresAt') ?? null;
  const result = await s.store.transaction(async (tx) => {
    const r = await tx.secrets.update(rec.id, patch, expected);
    if (r.ok) {
      await tx.audit.appendEvent(
        event(
          ctx.principal,
          ctx,
          'secret.updated',
          { kind: 'secret', id: rec.id, name: rec.name, scope: { type: rec.scopeType, id: rec.scopeId } },
          { rotated: patch.valueChanged === true },
        ),
      );
    }
    return r;
  });
  if (!result.ok) {
    if (result.reason === 'not_found') throw notFound(rec.id);
    throw preconditionFailed(result.currentRevision);
  }
  s.cache.clear();
  return { status: 200, body: secretView(result.record), headers: { etag: etag(result.record.revision) } };
};

export const deleteSecret: Handler = async (ctx, s) => {
  requireWriter(ctx.principal, 'delete secrets');
  const rec = await coveredSecret(ctx, s);
  // The remote value goes first: a backend that is down answers 503 and the secret stays as it was.
  await s.values.remove(rec);
  const deleted = await s.store.transaction(async (tx) => {
    const ok = await tx.secrets.delete(rec.id);
    if (ok) {
      await tx.audit.appendEvent(
        event(ctx.principal, ctx, 'secret.deleted', {
          kind: 'secret',
          id: rec.id,
          name: rec.name,
          scope: { type: rec.scopeType, id: rec.scopeId },
        }),
      );
    }
    return ok;
  });
  if (!deleted) throw notFound(rec.id);
  s.cache.clear();
  return { status: 204 };
};
