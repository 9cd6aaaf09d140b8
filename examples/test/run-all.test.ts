// The examples runner against a real `coffer serve`: the SDK scripts, then the HCL and both CDKTF stacks
// applied with OpenTofu (plan afterwards must be empty), then destroyed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipUnlessAvailable } from '../../scripts/lib/ci.ts';
import { runAll, STEPS } from '../run-all.ts';
import { missing } from './requirements.ts';

const skip = skipUnlessAvailable(
  'examples/run-all.ts against coffer serve',
  missing({ tofu: true, provider: true, server: true }),
);

describe.skipIf(skip)('run-all', () => {
  let server: RunningServer;
  let workdir: string;
  beforeAll(async () => {
    server = await startServer();
    workdir = mkdtempSync(join(tmpdir(), 'coffer-run-all-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (workdir) rmSync(workdir, { recursive: true, force: true });
  });

  it('runs every example, applies every stack with no changes on the second plan, and destroys them', async () => {
    const lines: string[] = [];
    const results = await runAll({
      baseUrl: server.baseUrl,
      apiKey: server.apiKey,
      destroy: true,
      requireTofu: true,
      workdir,
      log: (l) => lines.push(l),
    });
    expect(
      results.map((r) => [r.step, r.status]),
      results.map((r) => r.detail).join('\n'),
    ).toEqual(STEPS.map((s) => [s, 'ok']));
    for (const r of results.filter((x) => x.step !== 'sdk')) {
      expect(r.detail).toContain('plan: no changes');
      expect(r.outputs?.team_secret_version).toBe(1);
      expect(r.outputs?.org_secret_id).toMatch(/^[0-9a-f-]{36}$/);
    }
    // The audit report ran and printed tables; no value is printed anywhere.
    expect(lines.join('\n')).toMatch(/Audit events, last 1 h/);
    const coffer = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey });
    try {
      // Destroyed: only the SDK step's bulk-demo secrets remain.
      const left: string[] = [];
      for await (const s of coffer.secrets.list({ limit: 500 }))
        left.push(`${s.scope.type}/${s.scope.id}/${s.name}`);
      expect(left.filter((n) => !n.startsWith('team/bulk-demo/'))).toEqual([]);
      expect(left).toHaveLength(50);
    } finally {
      await coffer.close();
    }
  }, 600_000);
});
