// terraform-provider-coffer with the Coffer API answered in the process (bench/apply.ts's third floor): the
// real framework, resources and SDK, but the SDK's undici dispatcher is replaced by one that answers every
// request at once (a PUT of a workspace override with its metadata, anything else with an empty 200/204)
// without a socket. Next to the real provider against `coffer serve` it shows what the HTTP round trip and
// the server cost; next to the echo provider, what the provider's own work costs.
import type { Dispatcher } from 'undici';
import { createHandler } from '../src/framework/index.ts';
import { cofferProvider } from '../src/provider.ts';
import { CofferClient } from '../src/resources/client.ts';
import { serve } from '../src/wire/serve.ts';

const OVERRIDE = /^\/v1\/workspaces\/([^/]+)\/secrets\/([^/?]+)$/;
const NOW = new Date(0).toISOString();

function answer(method: string, path: string): { status: number; body: string } {
  const m = OVERRIDE.exec(path);
  if (m && method === 'PUT') {
    const [, workspaceId, key] = m as unknown as [string, string, string];
    const body = {
      workspaceId,
      key,
      setBy: 'key_stub',
      createdAt: NOW,
      updatedAt: NOW,
      expiresAt: null,
      version: 1,
    };
    return { status: 201, body: JSON.stringify(body) };
  }
  return method === 'DELETE' ? { status: 204, body: '' } : { status: 200, body: '{}' };
}

/** The part of undici's Dispatcher the SDK's transport uses: dispatch(), answered on the next turn. */
const stub = {
  dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const controller = {
      abort() {},
      pause() {},
      resume() {},
      aborted: false,
      paused: false,
      reason: null,
    } as unknown as Dispatcher.DispatchController;
    handler.onRequestStart?.(controller, {});
    setImmediate(() => {
      const { status, body } = answer(String(opts.method), String(opts.path));
      handler.onResponseStart?.(controller, status, { 'content-type': 'application/json' }, '');
      if (body) handler.onResponseData?.(controller, Buffer.from(body));
      handler.onResponseEnd?.(controller, {});
    });
    return true;
  },
  close: async () => {},
} as unknown as Dispatcher;

const def = cofferProvider();
def.configure = async () => {
  const lib = await import('@coffer/sdk');
  const baseUrl = 'http://coffer.stub';
  const sdk = new lib.Coffer({ baseUrl, apiKey: 'cof_stub', dispatcher: stub });
  return new CofferClient(lib, baseUrl, sdk);
};

// No top-level await: bench/apply.ts bundles this file into a single executable (CommonJS).
serve(createHandler(def)).then(() => process.exit(0));
