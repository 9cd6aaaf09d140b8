// Minimal loopback server for the SDK benchmark: GET /v1/secrets/{id} answers a fixed JSON document.
// Runs in its own process (started by run.ts) so that client and server do not share an event loop.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = JSON.stringify({
  id: '5b0c8e2e-4a59-4a8e-9d61-2f4f1f9b0c11',
  name: 'OPENAI_API_KEY',
  scope: { type: 'team', id: 'payments' },
  category: 'provider',
  description: 'Platform OpenAI key for the payments team',
  version: 3,
  createdAt: '2026-11-22T10:00:00Z',
  updatedAt: '2026-11-22T11:00:00Z',
  lastRotatedAt: '2026-11-22T11:00:00Z',
  expiresAt: null,
  storage: { backend: 'DB', reference: 'db:5b0c8e2e' },
});
const len = String(Buffer.byteLength(body));
let n = 0;

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url?.startsWith('/v1/secrets/')) {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': len,
      'x-request-id': `req_${++n}`,
      etag: '"3"',
    });
    res.end(body);
  } else {
    res.writeHead(404, { 'content-type': 'application/problem+json' });
    res.end('{"title":"Not Found","status":404}');
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('disconnect', () => process.exit(0));
