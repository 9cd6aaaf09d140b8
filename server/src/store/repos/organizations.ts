/** The organizations repository: the deployment's hard boundaries. */
import type { SqlExecutor } from '../executor.ts';
import type { OrganizationRecord, OrganizationsRepo } from '../types.ts';
import { tenantTable } from './tenant-table.ts';

export function organizationsRepo(ex: SqlExecutor): OrganizationsRepo {
  const t = tenantTable<OrganizationRecord>(ex, { table: 'organizations', extra: {} });
  return {
    create: (input) => t.create(input),
    get: t.get,
    list: (filter) => t.list(filter, { id: filter.only }),
    update: (id, patch, expected) => t.update(id, { name: patch.name }, expected),
    delete: t.delete,
  };
}
