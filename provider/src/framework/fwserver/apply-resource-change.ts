// ApplyResourceChange: create, update or delete, by which of prior and planned are null; the new state is
// the plan with its unknown values filled from the API's answer (result.ts), so the CLI never sees an
// inconsistent result.
import { conform } from '../conform.ts';
import type { PrivateData, ResourceDefinition } from '../define.ts';
import { DiagnosticsError, error } from '../diagnostics.ts';
import { settle } from '../result.ts';
import { type ObjectValue, whollyKnown } from '../value.ts';
import type { FrameworkServer } from './server.ts';

export interface ApplyRequest {
  prior: ObjectValue | null;
  planned: ObjectValue | null;
  config: ObjectValue | null;
  private: PrivateData | null;
}

export interface ApplyResult {
  /** null after a delete */
  state: ObjectValue | null;
  private: PrivateData | null;
}

/** What an apply does, for messages: "Creating", "Updating" or "Deleting". */
export function applyVerb(prior: ObjectValue | null, planned: ObjectValue | null): string {
  return planned ? (prior ? 'Updating' : 'Creating') : 'Deleting';
}

export async function applyResourceChange<C>(
  s: FrameworkServer<C>,
  def: ResourceDefinition<C>,
  req: ApplyRequest,
): Promise<ApplyResult> {
  const attrs = def.schema.attributes;
  const prior = req.prior ? conform(attrs, req.prior, true) : null;
  const client = s.needClient();
  if (!req.planned) {
    if (prior) await def.delete({ client, prior, private: req.private });
    return { state: null, private: null };
  }
  const config = conform(attrs, req.config, false);
  const planned = conform(attrs, req.planned, true);
  const args = { client, config, planned, private: req.private };
  const got = prior ? await def.update({ ...args, prior }) : await def.create({ ...args, prior: null });
  const state = settle(attrs, planned, got.state);
  if (!whollyKnown(state)) {
    throw new DiagnosticsError(error('Provider bug', `${def.typeName} left a value unknown after apply.`));
  }
  return { state, private: got.private ?? null };
}
