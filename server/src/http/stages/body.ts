/**
 * Reading and decoding a request body: a byte cap, an abort that is the client's doing (not a server error),
 * strict UTF-8, JSON, and a bound on nesting so that no later stage (validation, fingerprints) can recurse
 * deeply on attacker-shaped input. Text no store can hold the same way is refused here: unpaired surrogates,
 * and NUL (PostgreSQL text cannot hold it, SQLite would) everywhere but in the secret value itself.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../problem.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Deeper than any body the contract describes (the deepest is 4); well inside every recursive walker. */
export const MAX_BODY_DEPTH = 32;

/** The client closed the connection before its request was read: nothing to answer, not a failure of ours. */
export class ClientAbortError extends Error {
  constructor() {
    super('the client aborted the request');
    this.name = 'ClientAbortError';
  }
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err: Error | null, body?: Buffer) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      if (err) {
        // Stop buffering; Node discards the rest of the body as it arrives.
        req.resume();
        reject(err);
      } else resolve(body as Buffer);
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) finish(tooLarge(limit));
      else chunks.push(c);
    };
    req.on('data', onData);
    req.once('end', () => finish(null, chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.once('aborted', () => finish(new ClientAbortError()));
    req.once('error', (err: NodeJS.ErrnoException) =>
      finish(err.code === 'ECONNRESET' || err.message === 'aborted' ? new ClientAbortError() : err),
    );
    req.once('close', () => {
      if (!req.complete) finish(new ClientAbortError());
    });
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `The body is larger than ${limit} bytes.`, undefined, { connection: 'close' });
}

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const t = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return t === 'application/json' || (t.startsWith('application/') && t.endsWith('+json'));
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The parsed body, or undefined when there is none; 400 with a pointer for every way it can be unreadable. */
export function decodeJsonBody(raw: Buffer, contentType: string | undefined, required: boolean): unknown {
  if (raw.length === 0) {
    if (required)
      throw new HttpError(400, 'This request needs a JSON body.', [{ pointer: '', detail: 'is required' }]);
    return undefined;
  }
  if (!isJson(contentType)) {
    throw new HttpError(400, 'The body must be application/json.', [
      { pointer: '/header/Content-Type', detail: 'must be application/json' },
    ]);
  }
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new HttpError(400, 'The body is not valid UTF-8.', [
      { pointer: '', detail: `is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(raw)})` },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's message quotes the input, which may hold a value: never pass it on.
    throw new HttpError(400, 'The body is not valid JSON.', [{ pointer: '', detail: 'is not valid JSON' }]);
  }
  const { depth, lone, nul } = scanBody(value, MAX_BODY_DEPTH);
  if (depth > MAX_BODY_DEPTH) {
    throw new HttpError(400, `The body is nested deeper than ${MAX_BODY_DEPTH} levels.`, [
      { pointer: '', detail: `is nested deeper than ${MAX_BODY_DEPTH} levels` },
    ]);
  }
  if (lone !== null) {
    // "\ud800" is valid JSON but no Unicode text: stored as UTF-8 it would silently become U+FFFD.
    throw new HttpError(400, 'The body holds a string that is not valid Unicode.', [
      { pointer: lone, detail: 'holds an unpaired surrogate (\\uD800-\\uDFFF escape)' },
    ]);
  }
  if (nul !== null) {
    throw new HttpError(400, 'The body holds a NUL character.', [
      { pointer: nul, detail: 'holds a NUL character (U+0000)' },
    ]);
  }
  const repeated = firstRepeatedName(text);
  if (repeated !== null) {
    // JSON.parse keeps the last one; a proxy or another parser may act on the first.
    throw new HttpError(400, 'The body gives a member name twice in one object.', [
      { pointer: repeated, detail: 'appears more than once in its object' },
    ]);
  }
  return value;
}

/**
 * The pointer of the first member whose name (decoded: `"n\u0061me"` is `name`) repeats an earlier one of
 * the same object, or null. One pass over text that JSON.parse accepted and whose nesting is bounded.
 */
function firstRepeatedName(text: string): string | null {
  // One frame per open object (its names so far, the member being read) or array (the element's index).
  const frames: Array<{ names: Set<string> | null; at: string | number }> = [];
  let expectName = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      let escaped = false;
      for (let d = text.charCodeAt(j); d !== 0x22; d = text.charCodeAt(j)) {
        if (d === 0x5c) {
          escaped = true;
          j += 2;
        } else j++;
      }
      const top = frames[frames.length - 1];
      if (expectName && top?.names) {
        const name: string = escaped ? JSON.parse(text.slice(i, j + 1)) : text.slice(i + 1, j);
        if (top.names.has(name)) {
          return [...frames.slice(0, -1).map((f) => f.at), name]
            .map((k) => `/${escapePointer(String(k))}`)
            .join('');
        }
        top.names.add(name);
        top.at = name;
        expectName = false;
      }
      i = j;
    } else if (c === 0x7b) {
      frames.push({ names: new Set(), at: '' });
      expectName = true;
    } else if (c === 0x5b) {
      frames.push({ names: null, at: 0 });
    } else if (c === 0x7d || c === 0x5d) {
      frames.pop();
    } else if (c === 0x3a) {
      expectName = false;
    } else if (c === 0x2c) {
      const top = frames[frames.length - 1] as { names: Set<string> | null; at: string | number };
      if (top.names) expectName = true;
      else top.at = (top.at as number) + 1;
    }
  }
  return null;
}

/** String.prototype.isWellFormed (ES2024; Node 20+), typed here because the project's lib is ES2023. */
const wellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

interface Visit {
  v: unknown;
  depth: number;
  /** The key or index under the parent; null at the root. The pointer is built only when it is needed. */
  key: string | null;
  parent: Visit | null;
}

function pointerOf(at: Visit): string {
  const keys: string[] = [];
  for (let n: Visit | null = at; n && n.key !== null; n = n.parent) keys.push(escapePointer(n.key));
  return keys
    .reverse()
    .map((k) => `/${k}`)
    .join('');
}

/**
 * The one string that may hold NUL: a secret's value (`/value` of a secret or an override), which is encrypted
 * or sent to a backend, never kept in a text column.
 */
const mayHoldNul = (n: Visit) => n.key === 'value' && n.parent !== null && n.parent.parent === null;

/**
 * One pass over a parsed body, without recursion: its nesting depth (counting stops once past `limit`), the
 * JSON pointer of the first string or key holding an unpaired surrogate, and of the first holding NUL where
 * none may (null when there is none).
 */
function scanBody(value: unknown, limit: number): { depth: number; lone: string | null; nul: string | null } {
  let depth = 0;
  let lone: string | null = null;
  let nul: string | null = null;
  const stack: Visit[] = [{ v: value, depth: 0, key: null, parent: null }];
  while (stack.length > 0) {
    const n = stack.pop() as Visit;
    if (typeof n.v === 'string') {
      if (lone === null && !wellFormed(n.v)) lone = pointerOf(n);
      if (nul === null && n.v.includes('\u0000') && !mayHoldNul(n)) nul = pointerOf(n);
      continue;
    }
    if (n.v === null || typeof n.v !== 'object') continue;
    const d = n.depth + 1;
    if (d > depth) depth = d;
    if (depth > limit) return { depth, lone, nul };
    if (Array.isArray(n.v)) {
      for (let i = n.v.length - 1; i >= 0; i--)
        stack.push({ v: n.v[i], depth: d, key: String(i), parent: n });
      continue;
    }
    for (const [k, child] of Object.entries(n.v)) {
      const at: Visit = { v: child, depth: d, key: k, parent: n };
      if (lone === null && !wellFormed(k)) lone = pointerOf(at);
      if (nul === null && k.includes('\u0000')) nul = pointerOf(at);
      stack.push(at);
    }
  }
  return { depth, lone, nul };
}

/** Nesting depth of a parsed JSON value, without recursion; stops counting once past `limit`. */
export function nestingDepth(value: unknown, limit: number): number {
  return scanBody(value, limit).depth;
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(buf: Buffer): number {
  let lo = 0;
  let hi = buf.length;
  // The longest valid prefix, found by bisection over the fatal decoder (at most ~20 decodes of 1 MiB).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
