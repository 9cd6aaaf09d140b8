import type * as W from '../../wire/handler.ts';
import { fromThrown } from '../diagnostics.ts';
import { decodeObject, encodeDynamic, encodePrivate } from '../dynamic.ts';
import { importIdOf, importResourceState as importState } from '../fwserver/import-resource-state.ts';
import { type FrameworkServer, unknownType } from '../fwserver/server.ts';
import { identityType } from '../identity.ts';
import { identityData, wire } from './common.ts';

export async function importResourceState<C>(
  s: FrameworkServer<C>,
  req: W.ImportResourceStateRequest,
): Promise<W.ImportResourceStateResponse> {
  const r = s.resources.get(req.type_name);
  if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
  // The import id: the request's, or the one its identity stands for.
  const id = (): string => {
    const data = req.identity?.identity_data;
    if (req.id !== '' || !data) return req.id;
    return importIdOf(r.def, r.def.identity ? decodeObject(data, identityType(r.def.identity)) : null);
  };
  try {
    const got = await importState(s, r.def, id);
    return {
      imported_resources: [
        {
          type_name: req.type_name,
          state: encodeDynamic(got.state, r.type),
          private: encodePrivate(got.private),
          identity: identityData(r.def, got.state),
        },
      ],
      diagnostics: [],
    };
  } catch (e) {
    return { diagnostics: wire(fromThrown(e, `Importing ${req.type_name}`)) };
  }
}
