import type * as W from '../../wire/handler.ts';
import { fromThrown } from '../diagnostics.ts';
import { decodeStored, encodeDynamic } from '../dynamic.ts';
import { type FrameworkServer, unknownType } from '../fwserver/server.ts';
import {
  identityToUpgrade,
  upgradeResourceIdentity as upgrade,
} from '../fwserver/upgrade-resource-identity.ts';
import { identityType } from '../identity.ts';
import { wire } from './common.ts';

export function upgradeResourceIdentity<C>(
  s: FrameworkServer<C>,
  req: W.UpgradeResourceIdentityRequest,
): W.UpgradeResourceIdentityResponse {
  const r = s.resources.get(req.type_name);
  if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
  try {
    const type = identityType(identityToUpgrade(r.def, req.version));
    const shaped = upgrade(r.def, decodeStored(req.raw_identity?.json, type));
    return { upgraded_identity: { identity_data: encodeDynamic(shaped, type) }, diagnostics: [] };
  } catch (e) {
    return { diagnostics: wire(fromThrown(e, `Upgrading the identity of ${req.type_name}`)) };
  }
}
