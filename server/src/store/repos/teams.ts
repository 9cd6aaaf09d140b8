/** The teams repository: each team belongs to one organization for good. */
import type { SqlExecutor } from '../executor.ts';
import type { TeamRecord, TeamsRepo } from '../types.ts';
import { tenantTable } from './tenant-table.ts';

export function teamsRepo(ex: SqlExecutor): TeamsRepo {
  const t = tenantTable<TeamRecord>(ex, { table: 'teams', extra: { organization_id: 'organizationId' } });
  return {
    create: (input) => t.create(input),
    get: t.get,
    list: (filter) => t.list(filter, { organization_id: filter.organizationId, id: filter.only }),
    update: (id, patch, expected) => t.update(id, { name: patch.name }, expected),
    delete: t.delete,
  };
}
