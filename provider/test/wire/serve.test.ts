// The plugin server as a host sees it: real processes, the handshake on stdout, gRPC over the unix socket,
// plaintext and AutoMTLS, Shutdown. The provider under test is test/wire/fixtures/fake-provider.ts, whose
// answers are known; the launcher tests run the real bin/terraform-provider-coffer.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerCertificate } from '../../src/wire/cert.ts';
import {
  call,
  connect,
  FAKE_PROVIDER,
  handshakeCertificate,
  LAUNCHER,
  NODE,
  type PluginProcess,
  startPlugin,
  svc,
} from './support/plugin.ts';

async function shutdown(p: PluginProcess): Promise<number | null> {
  const controller = connect(p.handshake.address, svc().controller, tlsFor.get(p));
  await call(controller, 'Shutdown');
  controller.close();
  return p.exited;
}
const tlsFor = new WeakMap<PluginProcess, Parameters<typeof connect>[2]>();

describe('plaintext (no PLUGIN_CLIENT_CERT)', () => {
  let p: PluginProcess;
  beforeAll(async () => {
    p = await startPlugin(NODE, [FAKE_PROVIDER]);
  });
  afterAll(() => {
    p.child.kill('SIGKILL');
  });

  it('prints the go-plugin handshake: core 1, protocol 6, a unix socket in a fresh temp dir, grpc, no cert', () => {
    const h = p.handshake;
    expect([h.core, h.protocol, h.network, h.transport, h.cert]).toEqual(['1', '6', 'unix', 'grpc', '']);
    expect(dirname(h.address).startsWith(join(tmpdir(), 'coffer-plugin-'))).toBe(true);
    expect(statSync(h.address).isSocket()).toBe(true);
  });

  it('serves GetMetadata and GetProviderSchema from the handler', async () => {
    const client = connect(p.handshake.address, svc().provider);
    const meta = await call(client, 'GetMetadata');
    expect(meta.resources).toEqual([{ type_name: 'coffer_thing' }]);
    expect(meta.server_capabilities).toMatchObject({
      plan_destroy: true,
      get_provider_schema_optional: false,
    });
    const schema = await call<{
      provider: unknown;
      resource_schemas: Record<
        string,
        { block: { attributes: { name: string; type: Buffer; computed: boolean }[] } }
      >;
    }>(client, 'GetProviderSchema');
    expect(schema.provider).not.toBeNull();
    const attr = schema.resource_schemas.coffer_thing?.block.attributes[0];
    expect(attr?.name).toBe('id');
    expect(attr?.type.toString()).toBe('"string"');
    expect(attr?.computed).toBe(true);
    client.close();
  });

  it('passes request fields through: raw state, optional private bytes, timestamps', async () => {
    const client = connect(p.handshake.address, svc().provider);
    const up = await call<{ upgraded_state: { json: Buffer } }>(client, 'UpgradeResourceState', {
      type_name: 'coffer_thing',
      version: 0,
      raw_state: { json: Buffer.from('{"id":"a"}') },
    });
    expect(up.upgraded_state.json.toString()).toBe('{"id":"a"}');
    const renewed = await call<{ private: Buffer }>(client, 'RenewEphemeralResource', { type_name: 'x' });
    expect(renewed.private.toString()).toBe('none'); // `optional bytes private` absent in the request
    const renewed2 = await call<{ private: Buffer }>(client, 'RenewEphemeralResource', {
      type_name: 'x',
      private: Buffer.from(''),
    });
    expect(renewed2.private.toString()).toBe(''); // present, even though empty
    const opened = await call<{ renew_at: { seconds: number; nanos: number } }>(
      client,
      'OpenEphemeralResource',
      {
        type_name: 'x',
      },
    );
    expect(opened.renew_at).toEqual({ seconds: 1_700_000_000, nanos: 5 });
    client.close();
  });

  it('answers GetFunctions with no functions, health Check with SERVING, other RPCs UNIMPLEMENTED', async () => {
    const client = connect(p.handshake.address, svc().provider);
    expect(await call(client, 'GetFunctions')).toMatchObject({ functions: {}, diagnostics: [] });
    client.close();
    const health = connect(p.handshake.address, svc().health);
    expect(await call(health, 'Check', { service: 'plugin' })).toEqual({ status: 'SERVING' });
    health.close();
    const other = connect(p.handshake.address, {
      MoveResourceState: {
        ...svc().provider.GetMetadata,
        path: '/tfplugin6.Provider/MoveResourceState',
      },
    } as never);
    await expect(call(other, 'MoveResourceState')).rejects.toMatchObject({ code: 12 }); // UNIMPLEMENTED
    other.close();
  });

  it('keeps the GRPCStdio stream open without data', async () => {
    const client = connect(p.handshake.address, svc().stdio);
    const stream = (client.StreamStdio as (req: unknown) => NodeJS.EventEmitter & { cancel(): void })({});
    const got: unknown[] = [];
    stream.on('data', (d) => got.push(d));
    stream.on('error', () => {});
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toEqual([]);
    stream.cancel();
    client.close();
  });

  it('Shutdown exits 0, removes the socket directory, and stdout held only the handshake', async () => {
    const code = await shutdown(p);
    expect(code).toBe(0);
    expect(existsSync(dirname(p.handshake.address))).toBe(false);
    expect(p.stdout()).toBe(`${p.handshake.line}\n`);
    // what the fixture printed through console.log / process.stdout.write went to stderr
    expect(p.stderr()).toContain('noise from console.log after serve');
    expect(p.stderr()).toContain('noise from process.stdout.write');
  });
});

describe('a handler that throws', () => {
  it('becomes gRPC INTERNAL with the error message, and the plugin keeps serving', async () => {
    const p = await startPlugin(NODE, [FAKE_PROVIDER], { FAKE_PROVIDER_MODE: 'throw' });
    const client = connect(p.handshake.address, svc().provider);
    await expect(call(client, 'GetMetadata')).rejects.toMatchObject({
      code: 13,
      details: 'fake provider failure',
    });
    await expect(call(client, 'ConfigureProvider')).rejects.toMatchObject({ code: 13 });
    expect(await call(client, 'GetProviderSchema')).toHaveProperty('resource_schemas');
    client.close();
    expect(await shutdown(p)).toBe(0);
    expect(p.stderr()).toMatch(/"@level":"error","@message":"rpc failed".*"rpc":"GetMetadata"/);
  });
});

describe('a host that dies without calling Shutdown', () => {
  it('leaves no orphan: the plugin stops once it is re-parented', async () => {
    // sh starts the plugin in the background and is then killed outright, as a crashed host would be
    const p = await startPlugin('/bin/sh', [
      '-c',
      '"$0" "$1" & echo "pid:$!" >&2; wait',
      NODE,
      FAKE_PROVIDER,
    ]);
    const pid = Number(/pid:(\d+)/.exec(p.stderr())?.[1]);
    expect(pid).toBeGreaterThan(0);
    process.kill(p.child.pid as number, 'SIGKILL');
    // gone, or a zombie its new parent has not reaped yet
    const alive = () => {
      try {
        return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 5000;
    while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(alive()).toBe(false);
    expect(existsSync(dirname(p.handshake.address))).toBe(false);
  });
});

describe('AutoMTLS (PLUGIN_CLIENT_CERT set)', () => {
  const client = createServerCertificate(); // same shape as go-plugin's client certificate
  const stranger = createServerCertificate();
  let p: PluginProcess;
  let serverPem: string;
  beforeAll(async () => {
    p = await startPlugin(NODE, [FAKE_PROVIDER], { PLUGIN_CLIENT_CERT: client.certPem });
    const der = Buffer.from(p.handshake.cert, 'base64');
    serverPem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`;
    tlsFor.set(p, { serverCertPem: serverPem, clientCertPem: client.certPem, clientKeyPem: client.keyPem });
  });
  afterAll(() => {
    p.child.kill('SIGKILL');
  });

  it('puts a fresh self-signed ECDSA P-256 localhost certificate on the handshake line, unpadded base64', () => {
    const field = p.handshake.cert;
    expect(field.length).toBeGreaterThan(50); // go-plugin ignores shorter fields
    expect(field).toMatch(/^[A-Za-z0-9+/]+$/);
    const cert = handshakeCertificate(field);
    expect(cert.subjectAltName).toBe('DNS:localhost');
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.checkIssued(cert)).toBe(true);
    expect(cert.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.1']));
    expect(new Date(cert.validFrom).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('serves gRPC over TLS >= 1.2 to a client that pins that certificate and presents the offered one', async () => {
    const c = connect(p.handshake.address, svc().provider, tlsFor.get(p));
    expect((await call(c, 'GetMetadata')).resources).toEqual([{ type_name: 'coffer_thing' }]);
    c.close();
    const socket = tlsConnect({
      path: p.handshake.address,
      servername: 'localhost',
      ca: serverPem,
      cert: client.certPem,
      key: client.keyPem,
      ALPNProtocols: ['h2'],
    });
    await new Promise<void>((res, rej) => socket.once('secureConnect', res).once('error', rej));
    expect(['TLSv1.2', 'TLSv1.3']).toContain(socket.getProtocol());
    expect(socket.getPeerX509Certificate()?.raw.equals(Buffer.from(p.handshake.cert, 'base64'))).toBe(true);
    socket.destroy();
  });

  it('refuses plaintext clients and clients with another certificate', async () => {
    const plain = connect(p.handshake.address, svc().provider);
    await expect(call(plain, 'GetMetadata')).rejects.toMatchObject({ code: 14 }); // UNAVAILABLE
    plain.close();
    const other = connect(p.handshake.address, svc().provider, {
      serverCertPem: serverPem,
      clientCertPem: stranger.certPem,
      clientKeyPem: stranger.keyPem,
    });
    await expect(call(other, 'GetMetadata')).rejects.toMatchObject({ code: 14 });
    other.close();
  });

  it('Shutdown over TLS exits 0', async () => {
    expect(await shutdown(p)).toBe(0);
    expect(p.stdout()).toBe(`${p.handshake.line}\n`);
  });
});

describe('the launcher, bin/terraform-provider-coffer', () => {
  it('without the magic cookie: a human message on stderr, nothing on stdout, exit 1', () => {
    const r = spawnSync(LAUNCHER, [], { env: { PATH: '/usr/bin:/bin' }, encoding: 'utf8', timeout: 15_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('is a plugin for OpenTofu and Terraform, not a command to run directly');
  });

  it('refuses a host that does not offer protocol 6', () => {
    const r = spawnSync(LAUNCHER, [], {
      env: {
        PATH: '/usr/bin:/bin',
        TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
        PLUGIN_PROTOCOL_VERSIONS: '4,5',
      },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('speaks plugin protocol 6, but the host offers only 4, 5');
  });

  it('runs the real provider on the pinned Node 24 through a symlink, with Node 20 first on PATH', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coffer-launcher-'));
    const link = join(dir, 'terraform-provider-coffer');
    symlinkSync(LAUNCHER, link);
    const p = await startPlugin(link, [], { PATH: '/usr/bin:/bin' });
    if (existsSync('/proc/self/exe'))
      expect(readlinkSync(`/proc/${p.child.pid}/exe`)).toBe(realpathSync(NODE));
    const client = connect(p.handshake.address, svc().provider);
    const schema = await call<{
      provider: { block: { attributes: { name: string }[] } };
      resource_schemas: object;
    }>(client, 'GetProviderSchema');
    expect(schema.provider.block.attributes.map((a) => a.name)).toContain('base_url');
    expect(Object.keys(schema.resource_schemas).length).toBeGreaterThan(0);
    client.close();
    expect(await shutdown(p)).toBe(0);
    expect(p.stdout()).toBe(`${p.handshake.line}\n`);
  });

  it('`schema` prints the schema document as JSON', () => {
    const r = spawnSync(LAUNCHER, ['schema'], {
      env: { PATH: '/usr/bin:/bin' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { provider_schemas: Record<string, { provider: unknown }> };
    const [only] = Object.values(doc.provider_schemas);
    expect(only?.provider).toBeTruthy();
  });

  it('rejects unknown arguments', () => {
    const r = spawnSync(LAUNCHER, ['serve-me'], {
      env: { PATH: '/usr/bin:/bin' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown argument "serve-me"');
  });
});
