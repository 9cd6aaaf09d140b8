// A small real HTTP server on 127.0.0.1:0 whose answers are scripted per test.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string, n: number) => void;

export interface TestServer {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        at: performance.now(),
      });
      handler(req, res, body, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-request-id': headers['x-request-id'] ?? `req_${Math.random().toString(36).slice(2, 10)}`,
    ...headers,
  });
  res.end(text);
}

export function problem(
  res: ServerResponse,
  status: number,
  extra: Record<string, unknown> = {},
  headers = {},
) {
  json(res, status, { type: 'about:blank', title: `HTTP ${status}`, status, ...extra }, headers);
}

export const SECRET = {
  id: '5b0c8e2e-4a59-4a8e-9d61-2f4f1f9b0c11',
  name: 'OPENAI_API_KEY',
  scope: { type: 'team', id: 'payments' },
  category: 'provider',
  version: 1,
  createdAt: '2026-11-22T10:00:00Z',
  updatedAt: '2026-11-22T10:00:00Z',
};

export const API_KEY = 'cof_live_SUPERSECRET_7f3a9c1e2d4b';
