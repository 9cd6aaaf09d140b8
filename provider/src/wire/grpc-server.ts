// A minimal gRPC server on node:http2 for what a plugin serves: unary calls, plus streams that are opened,
// kept open without data and ended with OK (GRPCStdio.StreamStdio, GRPCBroker.StartStream). No compression,
// no metadata, no deadlines (OpenTofu sends none to providers). It replaces @grpc/grpc-js's Server, whose
// per-call machinery (interceptor chain, metadata objects, stream wrappers, call trackers) was most of the
// plugin's per-RPC cost: 3,000 no-op unary calls at concurrency 10 took about 190 us of provider CPU each
// through grpc-js and about 100 us here. Messages are (de)serialized with the same protobufjs definitions
// (./protos.ts); the wire format is gRPC over HTTP/2 (grpc/grpc PROTOCOL-HTTP2.md): a request is
// `:path /package.Service/Method`, `content-type: application/grpc[+proto]`, and length-prefixed messages
// (1 byte compressed flag, 4 bytes big-endian length); the answer is headers, messages, then trailers with
// `grpc-status` / `grpc-message` (or a trailers-only answer for an error).
import http2 from 'node:http2';
import type { MethodDefinition } from '@grpc/grpc-js';

/** The gRPC status codes this server answers with. */
export const Status = {
  OK: 0,
  INTERNAL: 13,
  UNIMPLEMENTED: 12,
  RESOURCE_EXHAUSTED: 8,
} as const;

export class GrpcError extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
}

type Definition = MethodDefinition<unknown, unknown>;
export type UnaryHandler = (request: unknown) => unknown;
/** An open stream: `end()` finishes it with status OK. */
export interface OpenStream {
  end(): void;
}

type Route =
  | { kind: 'unary'; def: Definition; handle: UnaryHandler }
  | { kind: 'stream'; def: Definition; open: (stream: OpenStream) => void };

export interface GrpcServerOptions {
  /** TLS with a required, verified client certificate; plaintext when absent. */
  tls?: { keyPem: string; certPem: string; clientCaPem: string };
  /** Largest request and response message, in bytes. */
  maxMessageBytes: number;
}

const { HTTP2_HEADER_PATH, HTTP2_HEADER_STATUS, HTTP2_HEADER_CONTENT_TYPE } = http2.constants;
const CONTENT_TYPE = 'application/grpc+proto';

/** grpc-message is percent-encoded UTF-8: bytes outside printable ASCII, and '%', as %XX. */
function percentEncode(message: string): string {
  if (/^[\x20-\x24\x26-\x7e]*$/.test(message)) return message;
  let out = '';
  for (const b of Buffer.from(message, 'utf8')) {
    out +=
      b >= 0x20 && b <= 0x7e && b !== 0x25
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function frame(message: Buffer): Buffer {
  const out = Buffer.allocUnsafe(5 + message.length);
  out[0] = 0;
  out.writeUInt32BE(message.length, 1);
  message.copy(out, 5);
  return out;
}

export class GrpcServer {
  private readonly routes = new Map<string, Route>();
  private readonly server: http2.Http2Server | http2.Http2SecureServer;
  private readonly sessions = new Set<http2.ServerHttp2Session>();
  private readonly openStreams = new Set<OpenStream>();
  private readonly maxMessageBytes: number;

  constructor(options: GrpcServerOptions) {
    this.maxMessageBytes = options.maxMessageBytes;
    const common: http2.ServerOptions = {
      // as grpc-js: large messages (GetProviderSchema) are never refused for session memory
      maxSessionMemory: Number.MAX_SAFE_INTEGER,
      maxSendHeaderBlockLength: Number.MAX_SAFE_INTEGER,
    };
    this.server = options.tls
      ? http2.createSecureServer({
          ...common,
          key: options.tls.keyPem,
          cert: options.tls.certPem,
          ca: options.tls.clientCaPem,
          requestCert: true,
          rejectUnauthorized: true,
          minVersion: 'TLSv1.2',
          ALPNProtocols: ['h2'],
          allowHTTP1: false,
        })
      : http2.createServer(common);
    this.server.on('session', (session) => {
      this.sessions.add(session);
      session.on('close', () => this.sessions.delete(session));
      session.on('error', () => {});
    });
    this.server.on('stream', (stream, headers) => this.onStream(stream, headers));
  }

  unary(def: Definition, handle: UnaryHandler): void {
    this.routes.set(def.path, { kind: 'unary', def, handle });
  }

  stream(def: Definition, open: (stream: OpenStream) => void): void {
    this.routes.set(def.path, { kind: 'stream', def, open });
  }

  listen(path: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(path, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  /** Ends open streams, stops accepting, lets running calls finish (at most `graceMs`), then closes. */
  shutdown(graceMs: number, done: () => void): void {
    for (const s of this.openStreams) s.end();
    const force = setTimeout(() => {
      for (const session of this.sessions) session.destroy();
    }, graceMs);
    force.unref();
    this.server.close(() => {
      clearTimeout(force);
      done();
    });
    for (const session of this.sessions) session.close();
  }

  private onStream(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders): void {
    stream.on('error', () => {});
    const contentType = headers[HTTP2_HEADER_CONTENT_TYPE];
    if (typeof contentType !== 'string' || !contentType.startsWith('application/grpc')) {
      stream.respond({ [HTTP2_HEADER_STATUS]: 415 }, { endStream: true });
      return;
    }
    const path = headers[HTTP2_HEADER_PATH];
    const route = typeof path === 'string' ? this.routes.get(path) : undefined;
    if (!route) {
      stream.resume();
      this.fail(
        stream,
        new GrpcError(Status.UNIMPLEMENTED, `The server does not implement the method ${path}`),
      );
      return;
    }
    if (route.kind === 'stream') {
      this.openStream(stream, route.def, route.open);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > this.maxMessageBytes + 5) tooLarge = true;
      else chunks.push(chunk);
    });
    stream.on('end', () => {
      if (tooLarge) {
        this.fail(stream, new GrpcError(Status.RESOURCE_EXHAUSTED, 'request message larger than the limit'));
        return;
      }
      let request: unknown;
      try {
        request = route.def.requestDeserialize(
          this.unframe(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)),
        );
      } catch (e) {
        this.fail(
          stream,
          e instanceof GrpcError ? e : new GrpcError(Status.INTERNAL, 'Error deserializing request'),
        );
        return;
      }
      Promise.resolve()
        .then(() => route.handle(request))
        .then(
          (response) => this.respond(stream, route.def.responseSerialize(response)),
          (e: unknown) =>
            this.fail(
              stream,
              e instanceof GrpcError
                ? e
                : new GrpcError(Status.INTERNAL, e instanceof Error ? e.message : String(e)),
            ),
        );
    });
  }

  /** The one message of a unary request. */
  private unframe(body: Buffer): Buffer {
    if (body.length < 5) throw new GrpcError(Status.INTERNAL, 'request without a message');
    if (body[0] !== 0) throw new GrpcError(Status.UNIMPLEMENTED, 'compressed messages are not supported');
    const length = body.readUInt32BE(1);
    if (body.length !== 5 + length)
      throw new GrpcError(Status.UNIMPLEMENTED, 'a unary request carries exactly one message');
    return body.subarray(5);
  }

  private respond(stream: http2.ServerHttp2Stream, message: Buffer): void {
    if (stream.destroyed || stream.closed) return; // cancelled by the client meanwhile
    if (message.length > this.maxMessageBytes) {
      this.fail(stream, new GrpcError(Status.RESOURCE_EXHAUSTED, 'response message larger than the limit'));
      return;
    }
    stream.respond(
      { [HTTP2_HEADER_STATUS]: 200, [HTTP2_HEADER_CONTENT_TYPE]: CONTENT_TYPE },
      { waitForTrailers: true },
    );
    stream.once('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0', 'grpc-message': '' }));
    stream.end(frame(message));
  }

  /** A trailers-only answer with an error status. */
  private fail(stream: http2.ServerHttp2Stream, error: GrpcError): void {
    if (stream.destroyed || stream.closed || stream.headersSent) return;
    stream.respond(
      {
        [HTTP2_HEADER_STATUS]: 200,
        [HTTP2_HEADER_CONTENT_TYPE]: CONTENT_TYPE,
        'grpc-status': String(error.code),
        'grpc-message': percentEncode(error.message),
      },
      { endStream: true },
    );
  }

  private openStream(stream: http2.ServerHttp2Stream, def: Definition, open: (s: OpenStream) => void): void {
    stream.respond(
      { [HTTP2_HEADER_STATUS]: 200, [HTTP2_HEADER_CONTENT_TYPE]: CONTENT_TYPE },
      { waitForTrailers: true },
    );
    stream.once('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0', 'grpc-message': '' }));
    const handle: OpenStream = {
      end: () => {
        this.openStreams.delete(handle);
        if (!stream.destroyed && !stream.closed && stream.writable) stream.end();
      },
    };
    this.openStreams.add(handle);
    stream.on('data', () => {}); // a broker's messages are read and dropped
    // a bidi stream whose client half-closed is finished on our side too; a server stream stays open (its
    // client half-closes right after the request)
    if (def.requestStream) stream.on('end', () => handle.end());
    stream.on('close', () => this.openStreams.delete(handle));
    open(handle);
  }
}
