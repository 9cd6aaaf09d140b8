// ConfigureProvider: validate the settings, then build the client. A refusal is kept, so that every later
// call that needs the client shows why there is none.
import { conform } from '../conform.ts';
import { type Diagnostic, fromThrown, hasErrors } from '../diagnostics.ts';
import type { ObjectValue } from '../value.ts';
import type { FrameworkServer } from './server.ts';
import { validateConfig } from './validate-config.ts';

export async function configureProvider<C>(
  s: FrameworkServer<C>,
  decoded: ObjectValue | null,
  terraformVersion: string,
): Promise<Diagnostic[]> {
  try {
    const config = conform(s.def.schema.attributes, decoded, false);
    const diags = validateConfig(s.def, config);
    if (hasErrors(diags)) {
      s.configureDiagnostics = diags;
      return diags;
    }
    const warnings: Diagnostic[] = [];
    s.client = await s.def.configure({ config, terraformVersion, warn: (d) => warnings.push(d) });
    s.configureDiagnostics = [];
    return [...diags, ...warnings];
  } catch (e) {
    s.configureDiagnostics = fromThrown(e, 'Configuring the provider');
    return s.configureDiagnostics;
  }
}
