// coffer whoami: where we point, with which key (its prefix, never the key), and what that key may do.

import { connect } from '../client.ts';
import { checkMode, keyLabel, keyPrefix } from '../config.ts';
import { json, note, scopeText, table } from '../output.ts';
import type { Ctx } from '../program.ts';

export async function whoami(ctx: Ctx): Promise<void> {
  const { coffer, settings } = await connect(ctx.profile);
  const prefix = keyPrefix(settings.apiKey as string);
  let key:
    | {
        id: string;
        name: string;
        role: string;
        scope: { type: string; id: string };
        organizationId: string | null;
        deployment: boolean;
      }
    | undefined;
  let canList = true;
  try {
    // A minted key by its prefix; an operator's key (listed with an empty prefix) only if it is the one.
    const candidates = [];
    for await (const k of coffer.apiKeys.list()) {
      if (!k.revokedAt && k.prefix === (prefix ?? '')) candidates.push(k);
    }
    if (candidates.length === 1) key = candidates[0];
  } catch (err) {
    if ((err as { status?: number }).status !== 403) throw err;
    canList = false; // a runtime key: valid (403, not 401), but it may not list keys
  }
  const out = {
    profile: settings.profile,
    baseUrl: settings.baseUrl,
    baseUrlFrom: settings.baseUrlFrom,
    apiKeyFrom: settings.apiKeyFrom,
    keyPrefix: prefix ?? null,
    key: key
      ? {
          id: key.id,
          name: key.name,
          role: key.role,
          scope: key.scope,
          organizationId: key.organizationId,
          deployment: key.deployment,
        }
      : null,
  };
  if (ctx.json) return json(out);
  const warning = checkMode(settings.configPath);
  if (warning) note(`warning: ${warning}`);
  await table(
    ['FIELD', 'VALUE'],
    [
      ['profile', settings.profile],
      ['server', `${settings.baseUrl} (from ${settings.baseUrlFrom})`],
      ['key', `${keyLabel(settings.apiKey as string)} (from ${settings.apiKeyFrom})`],
      [
        'name',
        key?.name ??
          (canList ? 'not found among the keys it can see' : 'unknown: this key may not list keys'),
      ],
      ['role', key?.role],
      ['scope', key ? scopeText(key.scope) : undefined],
      ['organization', key?.organizationId],
      [
        'deployment key',
        key ? (key.deployment ? 'yes (manages organizations and the secrets manager)' : 'no') : undefined,
      ],
    ],
  );
}
