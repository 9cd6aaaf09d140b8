/** Across the tables: what a scope still holds, and the keys and overrides that go when it does. */
import { intOut, tsIn } from '../dialect.ts';
import type { SqlExecutor } from '../executor.ts';
import type { ScopeContents, ScopesRepo, ScopeType } from '../types.ts';
import { now } from './common.ts';

export function scopesRepo(ex: SqlExecutor): ScopesRepo {
  const count = async (sql: string, params: unknown[]) =>
    intOut((await ex.query<{ n: unknown }>(sql, params))[0]?.n ?? 0);
  return {
    async contents(scopeType: ScopeType, scopeId: string): Promise<ScopeContents> {
      const secrets = await count('SELECT count(*) AS n FROM secrets WHERE scope_type = ? AND scope_id = ?', [
        scopeType,
        scopeId,
      ]);
      if (scopeType === 'workspace') {
        const overrides = await count('SELECT count(*) AS n FROM workspace_secrets WHERE workspace_id = ?', [
          scopeId,
        ]);
        return { secrets, overrides, teams: 0, workspaces: [], deploymentKeys: 0 };
      }
      const column = scopeType === 'team' ? 'team_id' : 'organization_id';
      const workspaces = (
        await ex.query<{ id: unknown }>(`SELECT id FROM workspaces WHERE ${column} = ? ORDER BY id`, [
          scopeId,
        ])
      ).map((r) => String(r.id));
      if (scopeType === 'team') return { secrets, overrides: 0, teams: 0, workspaces, deploymentKeys: 0 };
      const teams = await count('SELECT count(*) AS n FROM teams WHERE organization_id = ?', [scopeId]);
      const deploymentKeys = await count(
        'SELECT count(*) AS n FROM api_keys WHERE organization_id = ? AND deployment = TRUE AND revoked_at IS NULL',
        [scopeId],
      );
      return { secrets, overrides: 0, teams, workspaces, deploymentKeys };
    },

    async revokeKeysOn(scopeType: ScopeType, scopeId: string): Promise<string[]> {
      const rows = await ex.query<{ id: unknown }>(
        'SELECT id FROM api_keys WHERE scope_type = ? AND scope_id = ? AND revoked_at IS NULL',
        [scopeType, scopeId],
      );
      await ex.execute(
        'UPDATE api_keys SET revoked_at = ? WHERE scope_type = ? AND scope_id = ? AND revoked_at IS NULL',
        [tsIn(now()), scopeType, scopeId],
      );
      return rows.map((r) => String(r.id));
    },

    async lock(scopeType: ScopeType, scopeId: string, intent: 'write' | 'delete'): Promise<boolean> {
      const table =
        scopeType === 'organization' ? 'organizations' : scopeType === 'team' ? 'teams' : 'workspaces';
      const mode = ex.dialect !== 'postgres' ? '' : intent === 'delete' ? ' FOR UPDATE' : ' FOR KEY SHARE';
      const rows = await ex.query(`SELECT id FROM ${table} WHERE id = ?${mode}`, [scopeId]);
      return rows.length > 0;
    },

    async deleteOverrides(workspaceId: string): Promise<number> {
      return ex.execute('DELETE FROM workspace_secrets WHERE workspace_id = ?', [workspaceId]);
    },
  };
}
