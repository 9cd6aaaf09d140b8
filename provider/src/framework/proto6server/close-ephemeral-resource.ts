import type * as W from '../../wire/handler.ts';
import { fromThrown } from '../diagnostics.ts';
import { decodePrivate } from '../dynamic.ts';
import { closeEphemeralResource as close } from '../fwserver/ephemeral-resource.ts';
import { type FrameworkServer, unknownType } from '../fwserver/server.ts';
import { wire } from './common.ts';

export async function closeEphemeralResource<C>(
  s: FrameworkServer<C>,
  req: W.CloseEphemeralResourceRequest,
): Promise<W.CloseEphemeralResourceResponse> {
  const x = s.ephemerals.get(req.type_name);
  if (!x) return { diagnostics: wire(unknownType('ephemeral resource', req.type_name)) };
  try {
    await close(s, x.def, decodePrivate(req.private));
    return { diagnostics: [] };
  } catch (e) {
    return { diagnostics: wire(fromThrown(e, `Closing ephemeral resource ${req.type_name}`)) };
  }
}
