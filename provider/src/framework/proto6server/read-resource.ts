import type * as W from '../../wire/handler.ts';
import { fromThrown } from '../diagnostics.ts';
import { decodeObject, decodePrivate, encodeDynamic, encodePrivate } from '../dynamic.ts';
import { readResource as read } from '../fwserver/read-resource.ts';
import { type FrameworkServer, unknownType } from '../fwserver/server.ts';
import { identityData, wire } from './common.ts';

export async function readResource<C>(
  s: FrameworkServer<C>,
  req: W.ReadResourceRequest,
): Promise<W.ReadResourceResponse> {
  const r = s.resources.get(req.type_name);
  if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
  const current = decodeObject(req.current_state, r.type);
  if (!current) return { new_state: encodeDynamic(null, r.type), diagnostics: [] };
  try {
    const got = await read(s, r.def, current, decodePrivate(req.private));
    if (!got.state) return { new_state: encodeDynamic(null, r.type), diagnostics: [] };
    return {
      new_state: encodeDynamic(got.state, r.type),
      private: encodePrivate(got.private),
      new_identity: identityData(r.def, got.state),
      diagnostics: [],
    };
  } catch (e) {
    // On failure the state stays as it was.
    return {
      new_state: req.current_state ?? undefined,
      private: req.private,
      diagnostics: wire(fromThrown(e, `Reading ${req.type_name}`)),
    };
  }
}
