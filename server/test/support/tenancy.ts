/** Creating the teams and workspaces a test's secrets live on (scopes must exist before anything is put there). */
import { call } from './server.ts';

export interface Layout {
  teams?: string[];
  /** A workspace in a team (`[id, teamId]`) or directly in the organization (`id`). */
  workspaces?: Array<string | [string, string]>;
}

export async function createScopes(url: string, key: string, layout: Layout): Promise<void> {
  for (const id of layout.teams ?? []) {
    const r = await call(url, 'POST', '/v1/teams', { key, body: { id } });
    if (r.status !== 201) throw new Error(`POST /v1/teams ${id}: ${r.status} ${r.text}`);
  }
  for (const w of layout.workspaces ?? []) {
    const [id, teamId] = typeof w === 'string' ? [w, null] : w;
    const r = await call(url, 'POST', '/v1/workspaces', { key, body: { id, teamId } });
    if (r.status !== 201) throw new Error(`POST /v1/workspaces ${id}: ${r.status} ${r.text}`);
  }
}
