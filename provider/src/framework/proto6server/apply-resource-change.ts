import type * as W from '../../wire/handler.ts';
import { type Diagnostic, fromThrown } from '../diagnostics.ts';
import { decodeObject, decodePrivate, encodeDynamic, encodePrivate } from '../dynamic.ts';
import { applyResourceChange as apply, applyVerb } from '../fwserver/apply-resource-change.ts';
import { type FrameworkServer, unknownType } from '../fwserver/server.ts';
import type { ObjectValue } from '../value.ts';
import { identityData, wire } from './common.ts';

export async function applyResourceChange<C>(
  s: FrameworkServer<C>,
  req: W.ApplyResourceChangeRequest,
): Promise<W.ApplyResourceChangeResponse> {
  const r = s.resources.get(req.type_name);
  if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
  // On failure the state keeps what was there before: null for a create, the prior object otherwise.
  const unchanged = (diagnostics: Diagnostic[]): W.ApplyResourceChangeResponse => ({
    new_state:
      req.prior_state && (req.prior_state.msgpack.length > 0 || req.prior_state.json.length > 0)
        ? req.prior_state
        : encodeDynamic(null, r.type),
    private: req.planned_private,
    diagnostics: wire(diagnostics),
  });
  let prior: ObjectValue | null = null;
  let planned: ObjectValue | null = null;
  try {
    prior = decodeObject(req.prior_state, r.type);
    planned = decodeObject(req.planned_state, r.type);
    const got = await apply(s, r.def, {
      prior,
      planned,
      config: planned ? decodeObject(req.config, r.type) : null,
      private: decodePrivate(req.planned_private),
    });
    if (!got.state) return { new_state: encodeDynamic(null, r.type), diagnostics: [] };
    return {
      new_state: encodeDynamic(got.state, r.type),
      private: encodePrivate(got.private),
      new_identity: identityData(r.def, got.state),
      diagnostics: [],
    };
  } catch (e) {
    return unchanged(fromThrown(e, `${applyVerb(prior, planned)} ${req.type_name}`));
  }
}
