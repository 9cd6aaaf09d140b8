// PlanResourceChange: the framework's plan (plan.ts), then the resource's own rules on top of it.
import { conform } from '../conform.ts';
import type { PrivateData, ResourceDefinition } from '../define.ts';
import { type Diagnostic, hasErrors, type Path } from '../diagnostics.ts';
import { plan } from '../plan.ts';
import type { ObjectValue } from '../value.ts';
import { validateConfig } from './validate-config.ts';

export interface PlanRequest {
  prior: ObjectValue | null;
  proposed: ObjectValue;
  config: ObjectValue | null;
  priorPrivate: PrivateData | null;
}

export type PlanResponse =
  | { planned: ObjectValue; requiresReplace: Path[]; diagnostics: Diagnostic[] }
  | { planned?: undefined; diagnostics: Diagnostic[] };

export function planResourceChange<C>(def: ResourceDefinition<C>, req: PlanRequest): PlanResponse {
  const attrs = def.schema.attributes;
  const prior = req.prior ? conform(attrs, req.prior, true) : null;
  const config = conform(attrs, req.config, false);
  const diags = validateConfig(def, config);
  if (hasErrors(diags)) return { diagnostics: diags };
  const result = plan({ attributes: attrs, prior, proposed: req.proposed, config });
  def.plan?.({
    prior,
    config,
    planned: result.planned,
    priorPrivate: req.priorPrivate,
    changed: result.changed,
  });
  return { planned: result.planned, requiresReplace: result.requiresReplace, diagnostics: diags };
}
