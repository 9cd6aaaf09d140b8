import type * as W from '../../wire/handler.ts';
import { fromThrown } from '../diagnostics.ts';
import { decodeStored, encodeDynamic } from '../dynamic.ts';
import { type FrameworkServer, unknownType } from '../fwserver/server.ts';
import {
  checkStateVersion,
  refuseFlatmap,
  upgradeResourceState as upgrade,
} from '../fwserver/upgrade-resource-state.ts';
import { wire } from './common.ts';

export function upgradeResourceState<C>(
  s: FrameworkServer<C>,
  req: W.UpgradeResourceStateRequest,
): W.UpgradeResourceStateResponse {
  const r = s.resources.get(req.type_name);
  if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
  try {
    checkStateVersion(r.def, req.version);
    const raw = req.raw_state;
    if (!raw?.json || raw.json.length === 0) {
      if (raw && Object.keys(raw.flatmap ?? {}).length > 0) refuseFlatmap();
      return { upgraded_state: encodeDynamic(null, r.type), diagnostics: [] };
    }
    const state = upgrade(r.def, decodeStored(raw.json, r.type));
    return { upgraded_state: encodeDynamic(state, r.type), diagnostics: [] };
  } catch (e) {
    return { diagnostics: wire(fromThrown(e, `Upgrading the state of ${req.type_name}`)) };
  }
}
