/** Remote paths: the one layout function and the KV v2 metadata-path derivation. */
import { describe, expect, it } from 'vitest';
import { joinPath, layoutPath } from '../../src/backends/layout.ts';
import { defaultSecretPath, metadataPathOf } from '../../src/backends/vault/kv.ts';

const at = (
  scopeType: 'organization' | 'team' | 'workspace',
  scopeId: string,
  name: string,
  organizationId: string,
  teamId: string | null,
) => ({ id: 'id-1', scopeType, scopeId, name, organizationId, teamId });

describe('layoutPath', () => {
  it('follows the hierarchy: organization, its teams, their workspaces, workspaces directly in it', () => {
    expect(layoutPath(at('organization', 'acme', 'SLACK_TOKEN', 'acme', null))).toBe('acme/SLACK_TOKEN');
    expect(layoutPath(at('team', 'payments', 'STRIPE_API_KEY', 'acme', 'payments'))).toBe(
      'acme/teams/payments/STRIPE_API_KEY',
    );
    expect(layoutPath(at('workspace', 'ws.1-a_b', '_X', 'acme', 'payments'))).toBe(
      'acme/teams/payments/workspaces/ws.1-a_b/_X',
    );
    expect(layoutPath(at('workspace', 'sandbox', 'OPENAI_API_KEY', 'acme', null))).toBe(
      'acme/workspaces/sandbox/OPENAI_API_KEY',
    );
  });

  it("keeps a team's secrets and its workspaces' under the team's prefix, and nothing else there", () => {
    const prefix = 'acme/teams/payments/';
    const inside = [
      at('team', 'payments', 'A', 'acme', 'payments'),
      at('workspace', 'w1', 'A', 'acme', 'payments'),
    ];
    const outside = [
      at('team', 'payments-eu', 'A', 'acme', 'payments-eu'),
      at('team', 'payments', 'A', 'globex', 'payments'),
      at('workspace', 'w2', 'A', 'acme', 'risk'),
      at('workspace', 'w3', 'A', 'acme', null),
      at('organization', 'acme', 'teams', 'acme', null),
    ];
    for (const l of inside) expect(layoutPath(l).startsWith(prefix), JSON.stringify(l)).toBe(true);
    for (const l of outside) expect(layoutPath(l).startsWith(prefix), JSON.stringify(l)).toBe(false);
    // An organization secret named like a folder is a leaf beside it.
    expect(layoutPath(at('organization', 'acme', 'teams', 'acme', null))).toBe('acme/teams');
  });

  it('refuses what could leave the prefix, is not an API scope or name, or contradicts its placement', () => {
    for (const bad of [
      at('team', '..', 'A', 'acme', '..'),
      at('team', 'a/b', 'A', 'acme', 'a/b'),
      at('team', 'p', '../A', 'acme', 'p'),
      at('team', 'p', 'A/B', 'acme', 'p'),
      at('team', 'p', 'A', '..', 'p'),
      at('team', 'p', 'A', 'ac/me', 'p'),
      at('workspace', 'w', 'A', 'acme', '../x'),
      at('global' as never, 'p', 'A', 'acme', null),
      at('team', '', 'A', 'acme', ''),
      // The placement must agree with the scope: an organization secret on its own organization, a team
      // secret on its own team.
      at('organization', 'acme', 'A', 'globex', null),
      at('organization', 'acme', 'A', 'acme', 't'),
      at('team', 'payments', 'A', 'acme', 'risk'),
      at('team', 'payments', 'A', 'acme', null),
    ]) {
      expect(() => layoutPath(bad), JSON.stringify(bad)).toThrow();
    }
  });

  it('joins without doubled slashes', () => {
    expect(joinPath('secret/data/coffer/', 'team/p/A')).toBe('secret/data/coffer/team/p/A');
    expect(joinPath('', 'team/p/A')).toBe('team/p/A');
  });
});

describe('KV paths', () => {
  it('defaults per KV version', () => {
    expect(defaultSecretPath(2)).toBe('secret/data/coffer');
    expect(defaultSecretPath(1)).toBe('secret/coffer');
  });

  it('derives the metadata path by swapping /data/ for /metadata/, unless one is set', () => {
    const p = 'kv/data/platform/coffer/team/t/A';
    expect(metadataPathOf(p, 'kv/data/platform/coffer', undefined)).toBe(
      'kv/metadata/platform/coffer/team/t/A',
    );
    expect(metadataPathOf(p, 'kv/data/platform/coffer', 'meta/custom')).toBe('meta/custom/team/t/A');
    // Written under an earlier secretPath: that path's own convention.
    expect(metadataPathOf('old/data/x/team/t/A', 'kv/data/platform/coffer', 'meta/custom')).toBe(
      'old/metadata/x/team/t/A',
    );
  });
});
