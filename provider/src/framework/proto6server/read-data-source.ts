import type * as W from '../../wire/handler.ts';
import { fromThrown } from '../diagnostics.ts';
import { decodeObject, encodeDynamic } from '../dynamic.ts';
import { readDataSource as read } from '../fwserver/read-data-source.ts';
import { type FrameworkServer, unknownType } from '../fwserver/server.ts';
import { wire } from './common.ts';

export async function readDataSource<C>(
  s: FrameworkServer<C>,
  req: W.ReadDataSourceRequest,
): Promise<W.ReadDataSourceResponse> {
  const d = s.dataSources.get(req.type_name);
  if (!d) return { diagnostics: wire(unknownType('data source', req.type_name)) };
  try {
    const got = await read(s, d.def, decodeObject(req.config, d.type));
    if (!got.state) return { diagnostics: wire(got.diagnostics) };
    return { state: encodeDynamic(got.state, d.type), diagnostics: wire(got.diagnostics) };
  } catch (e) {
    return { diagnostics: wire(fromThrown(e, `Reading data source ${req.type_name}`)) };
  }
}
