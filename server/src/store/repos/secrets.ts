/** The secrets repository: scoped secrets and the candidates a resolve picks from. */

import { randomUUID } from 'node:crypto';
import { clampLimit } from '../cursor.ts';
import { intOut, tsInNullable, tsOut, tsOutNullable } from '../dialect.ts';
import type { SqlExecutor } from '../executor.ts';
import type {
  NewSecret,
  ResolveCandidates,
  ScopeType,
  SecretFilter,
  SecretPatch,
  SecretRecord,
  SecretsRepo,
  UpdateResult,
} from '../types.ts';
import {
  guarded,
  isUuid,
  now,
  pageOf,
  placeholders,
  type Row,
  reachCondition,
  tsIdCursor,
  Where,
} from './common.ts';
import { WORKSPACE_SECRET_COLS, workspaceSecretFromRow } from './workspace-secrets.ts';

function secretFromRow(r: Row): SecretRecord {
  return {
    id: String(r.id),
    scopeType: r.scope_type as ScopeType,
    scopeId: String(r.scope_id),
    name: String(r.name),
    category: r.category as SecretRecord['category'],
    description: (r.description as string | null) ?? null,
    expiresAt: tsOutNullable(r.expires_at),
    version: intOut(r.version),
    revision: intOut(r.revision),
    createdAt: tsOut(r.created_at),
    updatedAt: tsOut(r.updated_at),
    lastRotatedAt: tsOutNullable(r.last_rotated_at),
    storageBackend: r.storage_backend as SecretRecord['storageBackend'],
    storageReference: (r.storage_reference as string | null) ?? null,
    storageRemoteVersion: (r.storage_remote_version as string | null) ?? null,
    valueEnvelope: (r.value_envelope as string | null) ?? null,
    vaultRef: (r.vault_ref as string | null) ?? null,
  };
}

const SECRET_COLS =
  'id, scope_type, scope_id, name, category, description, expires_at, version, created_at, updated_at, last_rotated_at, storage_backend, storage_reference, value_envelope, vault_ref, revision, storage_remote_version';

export function secretsRepo(ex: SqlExecutor): SecretsRepo {
  const get = async (id: string): Promise<SecretRecord | null> => {
    if (!isUuid(id)) return null;
    const rows = await ex.query(`SELECT ${SECRET_COLS} FROM secrets WHERE id = ?`, [id.toLowerCase()]);
    return rows[0] ? secretFromRow(rows[0]) : null;
  };

  return {
    async create(input: NewSecret) {
      const id = (input.id ?? randomUUID()).toLowerCase();
      if (!isUuid(id)) throw new TypeError('secret id must be a uuid');
      const t = now();
      const rows = await guarded(
        ex.query(
          `INSERT INTO secrets (${SECRET_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, NULL, ?, ?, ?, ?, 1, ?) RETURNING ${SECRET_COLS}`,
          [
            id,
            input.scopeType,
            input.scopeId,
            input.name,
            input.category,
            input.description ?? null,
            tsInNullable(input.expiresAt),
            t,
            t,
            input.storageBackend,
            input.storageReference ?? null,
            input.valueEnvelope ?? null,
            input.vaultRef ?? null,
            input.storageRemoteVersion ?? null,
          ],
        ),
      );
      return secretFromRow(rows[0] as Row);
    },

    get,

    async getByNaturalKey(scopeType, scopeId, name) {
      const rows = await ex.query(
        `SELECT ${SECRET_COLS} FROM secrets WHERE scope_type = ? AND scope_id = ? AND name = ?`,
        [scopeType, scopeId, name],
      );
      return rows[0] ? secretFromRow(rows[0]) : null;
    },

    async list(filter: SecretFilter) {
      const limit = clampLimit(filter.limit);
      const where = new Where();
      if (filter.within) {
        const reach = reachCondition(filter.within);
        where.add(reach.sql, ...reach.params);
      }
      where.eq('scope_type', filter.scopeType).eq('scope_id', filter.scopeId).eq('category', filter.category);
      if (filter.namePrefix) where.add('substr(name, 1, ?) = ?', filter.namePrefix.length, filter.namePrefix);
      if (filter.cursor) where.add('(created_at, id) > (?, ?)', ...tsIdCursor(filter.cursor));
      const rows = await ex.query(
        `SELECT ${SECRET_COLS} FROM secrets${where.sql()} ORDER BY created_at, id LIMIT ?`,
        [...where.params, limit + 1],
      );
      return pageOf(rows, limit, secretFromRow, (s) => [s.createdAt, s.id]);
    },

    async update(
      id: string,
      patch: SecretPatch,
      expectedRevision?: number,
    ): Promise<UpdateResult<SecretRecord>> {
      if (!isUuid(id)) return { ok: false, reason: 'not_found' };
      const t = now();
      // Every update changes the representation (updatedAt at least), so every update is a new revision.
      const sets: string[] = ['updated_at = ?', 'revision = revision + 1'];
      const params: unknown[] = [t];
      const set = (col: string, v: unknown) => {
        sets.push(`${col} = ?`);
        params.push(v);
      };
      if (patch.description !== undefined) set('description', patch.description);
      if (patch.expiresAt !== undefined) set('expires_at', tsInNullable(patch.expiresAt));
      if (patch.category !== undefined) set('category', patch.category);
      if (patch.storageBackend !== undefined) set('storage_backend', patch.storageBackend);
      if (patch.storageReference !== undefined) set('storage_reference', patch.storageReference);
      if (patch.storageRemoteVersion !== undefined) set('storage_remote_version', patch.storageRemoteVersion);
      if (patch.valueEnvelope !== undefined) set('value_envelope', patch.valueEnvelope);
      if (patch.vaultRef !== undefined) set('vault_ref', patch.vaultRef);
      if (patch.valueChanged) {
        sets.push('version = version + 1');
        set('last_rotated_at', t);
      }
      params.push(id.toLowerCase());
      let sql = `UPDATE secrets SET ${sets.join(', ')} WHERE id = ?`;
      if (expectedRevision !== undefined) {
        sql += ' AND revision = ?';
        params.push(expectedRevision);
      }
      const rows = await guarded(ex.query(`${sql} RETURNING ${SECRET_COLS}`, params));
      if (rows[0]) return { ok: true, record: secretFromRow(rows[0]) };
      const current = await get(id);
      if (!current) return { ok: false, reason: 'not_found' };
      return { ok: false, reason: 'revision_conflict', currentRevision: current.revision };
    },

    async delete(id) {
      if (!isUuid(id)) return false;
      return (await ex.execute('DELETE FROM secrets WHERE id = ?', [id.toLowerCase()])) > 0;
    },

    async findForResolve(chain, names): Promise<ResolveCandidates> {
      const out: ResolveCandidates = { workspace: [], team: [], organization: [], overrides: [] };
      const unique = [...new Set(names)];
      if (unique.length === 0) return out;
      const inList = placeholders(unique.length);
      const layers = [
        "(scope_type = 'workspace' AND scope_id = ?)",
        "(scope_type = 'organization' AND scope_id = ?)",
      ];
      const params: unknown[] = [chain.workspaceId, chain.organizationId];
      if (chain.teamId !== null) {
        layers.push("(scope_type = 'team' AND scope_id = ?)");
        params.push(chain.teamId);
      }
      const rows = await ex.query(
        `SELECT ${SECRET_COLS} FROM secrets WHERE name IN (${inList}) AND (${layers.join(' OR ')}) ORDER BY created_at, id`,
        [...unique, ...params],
      );
      for (const r of rows) {
        const s = secretFromRow(r);
        if (s.scopeType === 'workspace') out.workspace.push(s);
        else if (s.scopeType === 'team') out.team.push(s);
        else out.organization.push(s);
      }
      const ov = await ex.query(
        `SELECT ${WORKSPACE_SECRET_COLS} FROM workspace_secrets WHERE workspace_id = ? AND key IN (${inList}) ORDER BY key`,
        [chain.workspaceId, ...unique],
      );
      out.overrides = ov.map(workspaceSecretFromRow);
      return out;
    },

    async listOnScope(scopeType, scopeId) {
      const rows = await ex.query(
        `SELECT ${SECRET_COLS} FROM secrets WHERE scope_type = ? AND scope_id = ? ORDER BY created_at, id`,
        [scopeType, scopeId],
      );
      return rows.map(secretFromRow);
    },

    async count() {
      const rows = await ex.query<{ n: unknown }>('SELECT count(*) AS n FROM secrets');
      return intOut(rows[0]?.n ?? 0);
    },
  };
}
