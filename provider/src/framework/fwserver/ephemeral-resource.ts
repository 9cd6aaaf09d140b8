// OpenEphemeralResource, RenewEphemeralResource, CloseEphemeralResource: a value that lives for one run.
// A configuration not wholly known yet opens nothing: the result is unknown where it is computed.
import { conform } from '../conform.ts';
import type { EphemeralResourceDefinition, PrivateData } from '../define.ts';
import { type Diagnostic, hasErrors } from '../diagnostics.ts';
import { withConfig } from '../result.ts';
import { type ObjectValue, UNKNOWN, whollyKnown } from '../value.ts';
import type { FrameworkServer } from './server.ts';
import { validateConfig } from './validate-config.ts';

export interface Opened {
  result?: ObjectValue;
  private?: PrivateData | null;
  renewAt?: Date;
  diagnostics: Diagnostic[];
}

export async function openEphemeralResource<C>(
  s: FrameworkServer<C>,
  def: EphemeralResourceDefinition<C>,
  decoded: ObjectValue | null,
): Promise<Opened> {
  const attrs = def.schema.attributes;
  const config = conform(attrs, decoded, false);
  const diags = validateConfig(def, config);
  if (hasErrors(diags)) return { diagnostics: diags };
  if (!whollyKnown(config)) {
    const unknown = Object.fromEntries(
      Object.entries(attrs).map(([k, a]) => [k, a.computed && config[k] === null ? UNKNOWN : config[k]]),
    ) as ObjectValue;
    return { result: unknown, diagnostics: diags };
  }
  const got = await def.open({ client: s.needClient(), config });
  return {
    result: withConfig(attrs, config, got.result),
    ...(got.private ? { private: got.private } : {}),
    ...(got.renewAt ? { renewAt: got.renewAt } : {}),
    diagnostics: diags,
  };
}

export async function renewEphemeralResource<C>(
  s: FrameworkServer<C>,
  def: EphemeralResourceDefinition<C>,
  priv: PrivateData | null,
): Promise<{ private?: PrivateData | null; renewAt?: Date }> {
  if (!def.renew) return {};
  return def.renew({ client: s.needClient(), private: priv });
}

export async function closeEphemeralResource<C>(
  s: FrameworkServer<C>,
  def: EphemeralResourceDefinition<C>,
  priv: PrivateData | null,
): Promise<void> {
  if (!def.close) return;
  await def.close({ client: s.needClient(), private: priv });
}
