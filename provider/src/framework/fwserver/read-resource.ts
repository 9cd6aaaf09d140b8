// ReadResource: refresh a state from the API. null means the object is gone (the CLI then drops it).
import { conform } from '../conform.ts';
import type { PrivateData, ResourceDefinition } from '../define.ts';
import type { ObjectValue } from '../value.ts';
import type { FrameworkServer } from './server.ts';

export interface ReadResult {
  state: ObjectValue | null;
  /** The private data to keep: the resource's new one, or the one it was given. */
  private: PrivateData | null;
}

export async function readResource<C>(
  s: FrameworkServer<C>,
  def: ResourceDefinition<C>,
  current: ObjectValue,
  priv: PrivateData | null,
): Promise<ReadResult> {
  const state = conform(def.schema.attributes, current, true);
  const got = await def.read({ client: s.needClient(), state, private: priv });
  if (!got) return { state: null, private: priv };
  return {
    state: conform(def.schema.attributes, got.state, true),
    private: got.private === undefined ? priv : got.private,
  };
}
