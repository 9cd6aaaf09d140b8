// Test support: start a plugin process the way go-plugin does, read its handshake, and talk gRPC to it.
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import {
  type Client,
  credentials,
  makeGenericClientConstructor,
  type ServiceDefinition,
} from '@grpc/grpc-js';
import { services } from '../../../src/wire/protos.ts';

export const MAGIC_COOKIE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
export const PROVIDER_DIR = resolve(import.meta.dirname, '..', '..', '..');
export const REPO_DIR = resolve(PROVIDER_DIR, '..');
export const NODE = join(REPO_DIR, 'node_modules', 'node', 'bin', 'node');
export const LAUNCHER = join(PROVIDER_DIR, 'bin', 'terraform-provider-coffer');
export const FAKE_PROVIDER = join(PROVIDER_DIR, 'test', 'wire', 'fixtures', 'fake-provider.ts');

export interface Handshake {
  line: string;
  core: string;
  protocol: string;
  network: string;
  address: string;
  transport: string;
  cert: string;
}

export interface PluginProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  handshake: Handshake;
  /** Everything written to stdout so far (the handshake line included). */
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

/** Runs `command` with the go-plugin environment and waits for the handshake line. */
export async function startPlugin(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 15_000,
): Promise<PluginProcess> {
  const child = spawn(command, args, {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE,
      PLUGIN_PROTOCOL_VERSIONS: '5,6',
      PLUGIN_MIN_PORT: '10000',
      PLUGIN_MAX_PORT: '25000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const line = await new Promise<string>((res, rej) => {
    const timer = setTimeout(
      () => rej(new Error(`no handshake within ${timeoutMs} ms; stderr:\n${err}`)),
      timeoutMs,
    );
    const check = () => {
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        res(out.slice(0, nl));
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      rej(new Error(`plugin exited (${code}) before the handshake; stderr:\n${err}`));
    });
  });
  const [core = '', protocol = '', network = '', address = '', transport = '', cert = ''] = line.split('|');
  return {
    child,
    handshake: { line, core, protocol, network, address, transport, cert },
    stdout: () => out,
    stderr: () => err,
    exited,
  };
}

/** The server certificate from the handshake's 6th field (unpadded standard base64 DER). */
export function handshakeCertificate(field: string): X509Certificate {
  return new X509Certificate(Buffer.from(field, 'base64'));
}

export interface ClientTls {
  /** PEM of the certificate the client trusts (the server's, from the handshake). */
  serverCertPem: string;
  clientKeyPem: string;
  clientCertPem: string;
}

export type GenericClient = Client & Record<string, (...args: unknown[]) => unknown>;

export function connect(address: string, service: ServiceDefinition, tls?: ClientTls): GenericClient {
  const Ctor = makeGenericClientConstructor(service, 'svc');
  const creds = tls
    ? credentials.createSsl(
        Buffer.from(tls.serverCertPem),
        Buffer.from(tls.clientKeyPem),
        Buffer.from(tls.clientCertPem),
      )
    : credentials.createInsecure();
  return new Ctor(`unix://${address}`, creds, {
    'grpc.ssl_target_name_override': 'localhost',
    'grpc.default_authority': 'localhost',
  }) as unknown as GenericClient;
}

/** Calls a unary method; resolves with the decoded response or rejects with the gRPC error. */
export function call<T = Record<string, unknown>>(
  client: GenericClient,
  method: string,
  request = {},
): Promise<T> {
  return new Promise((res, rej) => {
    const fn = client[method] as (req: unknown, opts: unknown, cb: (e: Error | null, r: T) => void) => void;
    fn.call(client, request, { deadline: Date.now() + 10_000 }, (e, r) => (e ? rej(e) : res(r)));
  });
}

export const svc = services;
