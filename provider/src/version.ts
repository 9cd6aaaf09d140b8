// The provider's version, from one place: provider/package.json (the release names its files after it, the
// user agent carries it, `terraform-provider-coffer version` prints it). The bundler inlines the JSON.
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
