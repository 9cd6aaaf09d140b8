import type * as W from '../../wire/handler.ts';
import { fromThrown, toWirePath } from '../diagnostics.ts';
import { decodeObject, decodePrivate, encodeDynamic, encodePrivate } from '../dynamic.ts';
import { planResourceChange as plan } from '../fwserver/plan-resource-change.ts';
import { type FrameworkServer, unknownType } from '../fwserver/server.ts';
import { identityData, wire } from './common.ts';

export function planResourceChange<C>(
  s: FrameworkServer<C>,
  req: W.PlanResourceChangeRequest,
): W.PlanResourceChangeResponse {
  const r = s.resources.get(req.type_name);
  if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
  try {
    const proposed = decodeObject(req.proposed_new_state, r.type);
    if (!proposed) return { planned_state: encodeDynamic(null, r.type), diagnostics: [] };
    const prior = decodeObject(req.prior_state, r.type);
    const config = decodeObject(req.config, r.type);
    const priorPrivate = decodePrivate(req.prior_private);
    const res = plan(r.def, { prior, proposed, config, priorPrivate });
    if (!res.planned) return { diagnostics: wire(res.diagnostics) };
    return {
      planned_state: encodeDynamic(res.planned, r.type),
      requires_replace: res.requiresReplace.map(toWirePath),
      planned_private: encodePrivate(priorPrivate),
      // Known once the identity attributes are (they are required and replace the object when changed).
      planned_identity: identityData(r.def, res.planned),
      diagnostics: wire(res.diagnostics),
    };
  } catch (e) {
    return { diagnostics: wire(fromThrown(e, `Planning ${req.type_name}`)) };
  }
}
