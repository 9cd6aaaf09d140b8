import type * as W from '../../wire/handler.ts';
import { fromThrown } from '../diagnostics.ts';
import { decodePrivate, encodePrivate } from '../dynamic.ts';
import { renewEphemeralResource as renew } from '../fwserver/ephemeral-resource.ts';
import { type FrameworkServer, unknownType } from '../fwserver/server.ts';
import { timestamp, wire } from './common.ts';

export async function renewEphemeralResource<C>(
  s: FrameworkServer<C>,
  req: W.RenewEphemeralResourceRequest,
): Promise<W.RenewEphemeralResourceResponse> {
  const x = s.ephemerals.get(req.type_name);
  if (!x) return { diagnostics: wire(unknownType('ephemeral resource', req.type_name)) };
  try {
    const got = await renew(s, x.def, decodePrivate(req.private));
    const res: W.RenewEphemeralResourceResponse = { diagnostics: [] };
    if (got.private) res.private = encodePrivate(got.private);
    if (got.renewAt) res.renew_at = timestamp(got.renewAt);
    return res;
  } catch (e) {
    return { diagnostics: wire(fromThrown(e, `Renewing ephemeral resource ${req.type_name}`)) };
  }
}
