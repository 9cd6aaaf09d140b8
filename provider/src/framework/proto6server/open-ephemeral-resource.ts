import type * as W from '../../wire/handler.ts';
import { fromThrown } from '../diagnostics.ts';
import { decodeObject, encodeDynamic, encodePrivate } from '../dynamic.ts';
import { openEphemeralResource as open } from '../fwserver/ephemeral-resource.ts';
import { type FrameworkServer, unknownType } from '../fwserver/server.ts';
import { timestamp, wire } from './common.ts';

export async function openEphemeralResource<C>(
  s: FrameworkServer<C>,
  req: W.OpenEphemeralResourceRequest,
): Promise<W.OpenEphemeralResourceResponse> {
  const x = s.ephemerals.get(req.type_name);
  if (!x) return { diagnostics: wire(unknownType('ephemeral resource', req.type_name)) };
  try {
    const got = await open(s, x.def, decodeObject(req.config, x.type));
    if (!got.result) return { diagnostics: wire(got.diagnostics) };
    const res: W.OpenEphemeralResourceResponse = {
      result: encodeDynamic(got.result, x.type),
      diagnostics: wire(got.diagnostics),
    };
    if (got.private) res.private = encodePrivate(got.private);
    if (got.renewAt) res.renew_at = timestamp(got.renewAt);
    return res;
  } catch (e) {
    return { diagnostics: wire(fromThrown(e, `Opening ephemeral resource ${req.type_name}`)) };
  }
}
