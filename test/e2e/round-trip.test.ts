// Values the API stores in another spelling (an empty description, a timestamp with an offset) must not show
// up as a change on the next plan; nor must a team's or a workspace's defaults (the name is the id, the
// organization is the key's).
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachCli } from './lib/cli.ts';
import { Workdir } from './lib/tofu.ts';

describeEachCli('values the API normalises', (cli) => {
  let server: RunningServer;
  let wd: Workdir;

  beforeAll(async () => {
    server = await startServer();
    wd = new Workdir(cli, {
      COFFER_BASE_URL: server.baseUrl,
      COFFER_API_KEY: server.apiKey,
    });
  });
  afterAll(async () => {
    await server?.stop();
    wd?.remove();
  });

  it('plans no changes after applying an empty description and an expiry with a UTC offset', async () => {
    wd.write(`
resource "coffer_team" "payments" {
  id   = "payments"
  name = "Payments"
}

resource "coffer_workspace" "rt" {
  id      = "ws-round-trip"
  team_id = coffer_team.payments.id
}

resource "coffer_secret" "x" {
  scope_type  = "team"
  scope_id    = coffer_team.payments.id
  name        = "ROUND_TRIP"
  description = ""
  expires_at  = "2031-06-01T12:00:00+02:00"
  value       = "not-a-real-secret"
}

resource "coffer_workspace_secret" "y" {
  workspace_id    = coffer_workspace.rt.id
  key             = "BRAVE_API_KEY"
  value           = "not-a-real-secret"
  expires_in_days = 30
}
`);
    await wd.must(['apply', '-auto-approve']);
    expect(wd.attrs('coffer_workspace', 'rt')).toMatchObject({ name: 'ws-round-trip', team_id: 'payments' });
    expect(wd.attrs('coffer_secret', 'x')).toMatchObject({
      description: '',
      expires_at: '2031-06-01T12:00:00+02:00',
    });
    const p = await wd.must(['plan', '-detailed-exitcode'], [0]);
    expect(p.stdout).toContain('No changes.');
    await wd.must(['destroy', '-auto-approve']);
  });
});
