import { jsonOut, tsOut } from '../dialect.ts';
import type { SqlExecutor } from '../executor.ts';
import type { ConfigRepo, Envelope, SecretsManagerConfigRecord } from '../types.ts';
import { now } from './common.ts';

export function configRepo(ex: SqlExecutor): ConfigRepo {
  return {
    async getSecretsManager() {
      const rows = await ex.query(
        'SELECT config, vault_token_envelope, updated_at FROM secrets_manager_config WHERE id = 1',
      );
      const r = rows[0];
      if (!r) return null;
      return {
        config: jsonOut<Record<string, unknown>>(r.config),
        vaultTokenEnvelope: (r.vault_token_envelope as string | null) ?? null,
        updatedAt: tsOut(r.updated_at),
      } satisfies SecretsManagerConfigRecord;
    },

    async putSecretsManager(config, vaultTokenEnvelope: Envelope | null) {
      const t = now();
      await ex.execute(
        `INSERT INTO secrets_manager_config (id, config, vault_token_envelope, updated_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET config = excluded.config, vault_token_envelope = excluded.vault_token_envelope,
           updated_at = excluded.updated_at`,
        [JSON.stringify(config), vaultTokenEnvelope, t],
      );
      return { config: JSON.parse(JSON.stringify(config)), vaultTokenEnvelope, updatedAt: t };
    },

    async deleteSecretsManager() {
      await ex.execute('DELETE FROM secrets_manager_config WHERE id = 1');
    },
  };
}
