// ReadDataSource: validate the (now known) configuration, read, keep the configured values as configured.
import { conform } from '../conform.ts';
import type { DataSourceDefinition } from '../define.ts';
import { type Diagnostic, hasErrors } from '../diagnostics.ts';
import { withConfig } from '../result.ts';
import type { ObjectValue } from '../value.ts';
import type { FrameworkServer } from './server.ts';
import { validateConfig } from './validate-config.ts';

export async function readDataSource<C>(
  s: FrameworkServer<C>,
  def: DataSourceDefinition<C>,
  decoded: ObjectValue | null,
): Promise<{ state?: ObjectValue; diagnostics: Diagnostic[] }> {
  const attrs = def.schema.attributes;
  const config = conform(attrs, decoded, false);
  const diags = validateConfig(def, config);
  if (hasErrors(diags)) return { diagnostics: diags };
  const got = await def.read({ client: s.needClient(), config });
  return { state: withConfig(attrs, config, got), diagnostics: diags };
}
