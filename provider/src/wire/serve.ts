// Serving a ProviderHandler the way go-plugin expects (hashicorp/go-plugin server.go, client.go):
// check the environment, listen with gRPC on a unix socket in a fresh temporary directory (TLS with a fresh
// self-signed certificate when the host offers a client certificate, plaintext otherwise), print the
// handshake line `1|6|unix|<socket>|grpc|<cert>` as the first and only stdout line, and serve until the host
// calls GRPCController.Shutdown (or SIGTERM). Everything else the process prints goes to stderr.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import {
  ServerCredentials as Credentials,
  Server,
  type ServerCredentials,
  type ServerDuplexStream,
  type ServerUnaryCall,
  type ServerWritableStream,
  type sendUnaryData,
  status,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { createServerCertificate, handshakeCertField } from './cert.ts';
import { type ProviderHandler, RPC_METHODS } from './handler.ts';
import { type Logger, log } from './log.ts';
import { checkPluginEnvironment, PROTOCOL_VERSION } from './plugin-env.ts';
import { services } from './protos.ts';
import { guardStdout, writeStdout } from './stdout.ts';

export interface ServeOptions {
  env?: NodeJS.ProcessEnv;
  /** Debug mode: no magic cookie, plaintext, TF_REATTACH_PROVIDERS printed; Shutdown does not stop it. */
  debug?: boolean;
  /** Provider addresses for debug mode's TF_REATTACH_PROVIDERS. */
  addresses?: string[];
  logger?: Logger;
}

/** The host that started this process, read as early as possible (see the watchdog in serve()). */
const STARTED_BY = process.ppid;

export const DEFAULT_ADDRESSES = [
  'registry.opentofu.org/coffer/coffer',
  'registry.terraform.io/coffer/coffer',
];

/** Serves `handler` until the host shuts the plugin down; resolves once the server has stopped. */
export async function serve(handler: ProviderHandler, options: ServeOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? log;
  const debug = options.debug === true;

  let clientCertPem: string | undefined;
  if (!debug) {
    const check = checkPluginEnvironment(env);
    if (!check.ok) {
      process.stderr.write(check.message);
      process.exit(1);
    }
    clientCertPem = check.clientCertPem;
  }
  guardStdout();

  let credentials: ServerCredentials;
  let certField = '';
  if (clientCertPem) {
    // go-plugin dials TLS >= 1.2; say so even if NODE_OPTIONS lowered Node's default
    if (tls.DEFAULT_MIN_VERSION !== 'TLSv1.3') tls.DEFAULT_MIN_VERSION = 'TLSv1.2';
    const cert = createServerCertificate();
    certField = handshakeCertField(cert.der);
    try {
      credentials = Credentials.createSsl(
        Buffer.from(clientCertPem),
        [{ private_key: Buffer.from(cert.keyPem), cert_chain: Buffer.from(cert.certPem) }],
        true,
      );
    } catch (e) {
      process.stderr.write(
        `terraform-provider-coffer: PLUGIN_CLIENT_CERT is not a usable certificate (${e})\n`,
      );
      process.exit(1);
    }
  } else {
    credentials = Credentials.createInsecure();
  }

  const dir = mkdtempSync(join(tmpdir(), 'coffer-plugin-'));
  const socket = join(dir, 'plugin.sock');
  const server = new Server({
    // as Terraform's own client and terraform-plugin-go allow
    'grpc.max_receive_message_length': 256 << 20,
    'grpc.max_send_message_length': 256 << 20,
    // channelz keeps per-call counters and per-session trackers for a debugging service this plugin does not
    // serve; off, every call takes grpc-js's plain stream handler (about 3 % less CPU per unary call).
    'grpc.enable_channelz': 0,
  });
  const streams = new Set<ServerWritableStream<unknown, unknown> | ServerDuplexStream<unknown, unknown>>();

  let stopping: Promise<void> | undefined;
  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  const stop = (why: string): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      logger.debug('plugin server stopping', { reason: why });
      for (const s of streams) s.end();
      const force = setTimeout(() => server.forceShutdown(), 2000);
      force.unref();
      server.tryShutdown(() => {
        clearTimeout(force);
        rmSync(dir, { recursive: true, force: true });
        resolve();
        resolveStopped();
      });
    });
    return stopping;
  };

  const { provider, controller, stdio, broker, health } = services();
  server.addService(provider, providerImplementation(handler, logger));
  server.addService(controller, {
    Shutdown(_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) {
      callback(null, {});
      if (debug) logger.info('GRPCController.Shutdown ignored in debug mode');
      else setImmediate(() => void stop('GRPCController.Shutdown'));
    },
  });
  server.addService(stdio, {
    StreamStdio(call: ServerWritableStream<unknown, unknown>) {
      streams.add(call);
      call.on('cancelled', () => streams.delete(call));
    },
  });
  server.addService(broker, {
    StartStream(call: ServerDuplexStream<unknown, unknown>) {
      streams.add(call);
      call.on('data', () => {});
      call.on('cancelled', () => streams.delete(call));
      call.on('end', () => {
        streams.delete(call);
        call.end();
      });
    },
  });
  server.addService(health, {
    Check(_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) {
      callback(null, { status: 'SERVING' });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.bindAsync(`unix://${socket}`, credentials, (err) => (err ? reject(err) : resolve()));
  });

  if (debug) {
    const reattach = Object.fromEntries(
      (options.addresses ?? DEFAULT_ADDRESSES).map((address) => [
        address,
        {
          Protocol: 'grpc',
          ProtocolVersion: PROTOCOL_VERSION,
          Pid: process.pid,
          Test: true,
          Addr: { Network: 'unix', String: socket },
        },
      ]),
    );
    writeStdout(
      'terraform-provider-coffer is running in debug mode. In the shell that runs tofu/terraform, set:\n\n' +
        `  export TF_REATTACH_PROVIDERS='${JSON.stringify(reattach)}'\n\nStop it with Ctrl-C.\n`,
    );
    process.on('SIGINT', () => void stop('SIGINT'));
  } else {
    writeStdout(`1|${PROTOCOL_VERSION}|unix|${socket}|grpc|${certField}\n`);
    // The host handles Ctrl-C and stops providers through StopProvider / Shutdown (go-plugin eats SIGINT too).
    process.on('SIGINT', () => logger.trace('plugin received interrupt signal, ignoring'));
    // A host killed outright never calls Shutdown: stop once this process has been re-parented. The parent is
    // the one read at module load, so a host that dies right after reading the handshake is noticed too.
    const watchdog = setInterval(() => {
      if (process.ppid !== STARTED_BY) void stop('host process went away');
    }, 500);
    watchdog.unref();
  }
  process.on('SIGTERM', () => void stop('SIGTERM'));
  logger.debug('plugin server listening', { network: 'unix', address: socket, tls: certField !== '' });
  return stopped;
}

type Unary = (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => void;

/** tfplugin6.Provider: each RPC routed to the handler method of the same name (see RPC_METHODS). */
function providerImplementation(handler: ProviderHandler, logger: Logger): UntypedServiceImplementation {
  const impl: Record<string, Unary> = {};
  const route = (rpc: string, call: (request: unknown) => unknown): Unary => {
    return (unaryCall, callback) => {
      const started = performance.now();
      Promise.resolve()
        .then(() => call(unaryCall.request))
        .then(
          (response) => {
            logger.trace('rpc done', { rpc, ms: Math.round(performance.now() - started) });
            callback(null, response);
          },
          (e: unknown) => {
            // The message goes back to the host; it is not logged here (it might carry request detail).
            logger.error('rpc failed', { rpc });
            callback({ code: status.INTERNAL, details: e instanceof Error ? e.message : String(e) });
          },
        );
    };
  };
  for (const [rpc, method] of Object.entries(RPC_METHODS)) {
    const fn = handler[method] as (request: unknown) => unknown;
    impl[rpc] = route(rpc, (request) => fn.call(handler, request));
  }
  impl.GetFunctions = route('GetFunctions', () => ({ functions: {}, diagnostics: [] }));
  return impl;
}
