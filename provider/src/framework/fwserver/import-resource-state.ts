// ImportResourceState: the state of an existing object, named by an import id or by its identity.
import { conform } from '../conform.ts';
import type { PrivateData, ResourceDefinition } from '../define.ts';
import { DiagnosticsError, error } from '../diagnostics.ts';
import { identityAttributes } from '../identity.ts';
import type { ObjectValue } from '../value.ts';
import type { FrameworkServer } from './server.ts';

export function refuseImport(typeName: string): never {
  throw new DiagnosticsError(error('Import not supported', `${typeName} cannot be imported.`));
}

/** The import id that `identity` stands for (an import block naming the object by its attributes). */
export function importIdOf<C>(def: ResourceDefinition<C>, identity: ObjectValue | null): string {
  const id = def.identity;
  if (!id) {
    throw new DiagnosticsError(
      error('Import by identity not supported', `${def.typeName} has no resource identity: import it by id.`),
    );
  }
  const shaped = conform(identityAttributes(id), identity, true);
  const missing = Object.entries(id.attributes)
    .filter(([name, a]) => a.requiredForImport && typeof shaped[name] !== 'string')
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new DiagnosticsError(
      error(
        'Incomplete identity',
        `Importing ${def.typeName} by identity needs ${Object.keys(id.attributes).join(', ')}; missing: ${missing.join(', ')}.`,
      ),
    );
  }
  return id.importId(shaped);
}

export async function importResourceState<C>(
  s: FrameworkServer<C>,
  def: ResourceDefinition<C>,
  id: string | (() => string),
): Promise<{ state: ObjectValue; private: PrivateData | null }> {
  if (!def.importState) refuseImport(def.typeName);
  const client = s.needClient();
  const got = await def.importState({ client, id: typeof id === 'string' ? id : id() });
  return { state: conform(def.schema.attributes, got.state, true), private: got.private ?? null };
}
