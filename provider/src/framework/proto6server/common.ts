// What every RPC file shares: diagnostics, timestamps and identity data in their wire form.
import type * as W from '../../wire/handler.ts';
import type { IdentityDefinition } from '../define.ts';
import { type Diagnostic, toWire } from '../diagnostics.ts';
import { encodeIdentity, identityOf } from '../identity.ts';
import type { ObjectValue } from '../value.ts';

export const wire = (diags: readonly Diagnostic[]): W.Diagnostic[] => diags.map(toWire);

export function timestamp(d: Date): W.Timestamp {
  const ms = d.getTime();
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 };
}

/** The identity data of an object whose state is `state` (none for types without identity). */
export function identityData(
  def: { identity?: IdentityDefinition },
  state: ObjectValue | null,
): W.ResourceIdentityDataOut | null {
  return def.identity ? encodeIdentity(def.identity, identityOf(def.identity, state)) : null;
}

export const SERVER_CAPABILITIES: W.ServerCapabilities = {
  plan_destroy: false,
  get_provider_schema_optional: true,
};
