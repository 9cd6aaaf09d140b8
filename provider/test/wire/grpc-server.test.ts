// The node:http2 gRPC server (src/wire/grpc-server.ts) against grpc-js's client, in process: what serve.test.ts
// does not reach through the fake provider (error text encoding, message limits, bidi streams, shutdown).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrpcError, GrpcServer, type OpenStream, Status } from '../../src/wire/grpc-server.ts';
import { call, connect, svc } from './support/plugin.ts';

describe('GrpcServer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coffer-grpc-server-'));
  const socket = join(dir, 's.sock');
  const server = new GrpcServer({ maxMessageBytes: 1024 });
  const open: OpenStream[] = [];

  beforeAll(async () => {
    const { provider, broker, stdio } = svc();
    server.unary(provider.GetMetadata as never, () => ({ resources: [{ type_name: 'x' }] }));
    server.unary(provider.ValidateProviderConfig as never, () => {
      throw new Error('naïve 100% «failure»\nsecond line');
    });
    server.unary(provider.StopProvider as never, () => {
      throw new GrpcError(Status.UNIMPLEMENTED, 'not here');
    });
    server.unary(provider.ConfigureProvider as never, () => ({
      diagnostics: [{ severity: 'ERROR', summary: 'x'.repeat(2000) }],
    }));
    server.unary(provider.ValidateResourceConfig as never, () => ({ diagnostics: [] }));
    server.stream(broker.StartStream as never, (s) => open.push(s));
    server.stream(stdio.StreamStdio as never, (s) => open.push(s));
    await server.listen(socket);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers unary calls, and a thrown error as INTERNAL with its message intact (percent-encoded)', async () => {
    const c = connect(socket, svc().provider);
    expect(await call(c, 'GetMetadata')).toMatchObject({ resources: [{ type_name: 'x' }] });
    await expect(call(c, 'ValidateProviderConfig')).rejects.toMatchObject({
      code: 13,
      details: 'naïve 100% «failure»\nsecond line',
    });
    await expect(call(c, 'StopProvider')).rejects.toMatchObject({ code: 12, details: 'not here' });
    await expect(call(c, 'ReadResource')).rejects.toMatchObject({ code: 12 });
    c.close();
  });

  it('refuses messages over the limit both ways with RESOURCE_EXHAUSTED', async () => {
    const c = connect(socket, svc().provider);
    await expect(call(c, 'ValidateResourceConfig', { type_name: 'x'.repeat(900) })).resolves.toEqual({
      diagnostics: [],
    });
    await expect(call(c, 'ValidateResourceConfig', { type_name: 'x'.repeat(2000) })).rejects.toMatchObject({
      code: 8,
    });
    await expect(call(c, 'ConfigureProvider')).rejects.toMatchObject({ code: 8 });
    c.close();
  });

  it('keeps streams open; a bidi stream ends with OK when its client half-closes, the rest on shutdown', async () => {
    const broker = connect(socket, svc().broker);
    const bidi = (broker.StartStream as () => NodeJS.EventEmitter & { end(): void })();
    const bidiStatus = new Promise((res) => bidi.on('status', (s: { code: number }) => res(s.code)));
    bidi.on('data', () => {});
    const stdio = connect(socket, svc().stdio);
    const out = (stdio.StreamStdio as (r: unknown) => NodeJS.EventEmitter)({});
    const outStatus = new Promise((res) => out.on('status', (s: { code: number }) => res(s.code)));
    out.on('data', () => {});
    await new Promise((r) => setTimeout(r, 100));
    expect(open).toHaveLength(2);
    bidi.end();
    expect(await bidiStatus).toBe(0);
    const stopped = new Promise<void>((res) => server.shutdown(2000, res));
    expect(await outStatus).toBe(0);
    broker.close();
    stdio.close();
    await stopped;
  });
});
