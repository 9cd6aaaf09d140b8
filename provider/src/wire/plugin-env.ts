// What go-plugin's host puts in the plugin's environment (hashicorp/go-plugin client.go), checked before
// anything is served.

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
export const PROTOCOL_VERSION = 6;

export type PluginEnvironment =
  | { ok: true; clientCertPem: string | undefined }
  | { ok: false; message: string };

export const NOT_A_COMMAND = `terraform-provider-coffer is a plugin for OpenTofu and Terraform, not a command to run directly.

Use it from OpenTofu or Terraform (see the provider README for dev_overrides and filesystem_mirror set-ups),
which start it with the environment it needs. Other ways to run it:
  terraform-provider-coffer schema    print the provider schema as JSON (like \`tofu providers schema -json\`)
  terraform-provider-coffer --debug   serve in debug mode and print TF_REATTACH_PROVIDERS
`;

export function checkPluginEnvironment(env: NodeJS.ProcessEnv): PluginEnvironment {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) return { ok: false, message: NOT_A_COMMAND };
  const offered = (env.PLUGIN_PROTOCOL_VERSIONS ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (offered.length > 0 && !offered.includes(String(PROTOCOL_VERSION))) {
    return {
      ok: false,
      message:
        `terraform-provider-coffer speaks plugin protocol ${PROTOCOL_VERSION}, but the host offers only ` +
        `${offered.join(', ')}. Use OpenTofu >= 1.11 or Terraform >= 1.11.\n`,
    };
  }
  const cert = env.PLUGIN_CLIENT_CERT;
  return { ok: true, clientCertPem: cert && cert.trim() !== '' ? cert : undefined };
}
