/** The workspaces repository: each workspace belongs to one organization, and to one of its teams or none. */
import type { SqlExecutor } from '../executor.ts';
import type { WorkspaceRecord, WorkspacesRepo } from '../types.ts';
import { tenantTable } from './tenant-table.ts';

export function workspacesRepo(ex: SqlExecutor): WorkspacesRepo {
  const t = tenantTable<WorkspaceRecord>(ex, {
    table: 'workspaces',
    extra: { organization_id: 'organizationId', team_id: 'teamId' },
  });
  return {
    create: (input) => t.create(input),
    get: t.get,
    list: (filter) =>
      t.list(filter, { organization_id: filter.organizationId, team_id: filter.teamId, id: filter.only }),
    update: (id, patch, expected) => t.update(id, { name: patch.name, team_id: patch.teamId }, expected),
    delete: t.delete,
  };
}
