/** Decoding a request body: strict UTF-8, JSON without echoing the input, bounded nesting. */
import { describe, expect, it } from 'vitest';
import type { HttpError } from '../../src/http/problem.ts';
import { decodeJsonBody, MAX_BODY_DEPTH, nestingDepth } from '../../src/http/stages/body.ts';

function failure(fn: () => unknown): HttpError {
  try {
    fn();
  } catch (err) {
    return err as HttpError;
  }
  throw new Error('expected a failure');
}

describe('decodeJsonBody', () => {
  it('refuses invalid UTF-8 with the offset where decoding fails', () => {
    const raw = Buffer.concat([Buffer.from('{"value":"ab'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const e = failure(() => decodeJsonBody(raw, 'application/json', true));
    expect(e.status).toBe(400);
    expect(e.errors?.[0]).toEqual({
      pointer: '',
      detail: 'is not valid UTF-8 (first bad byte at offset 13)',
    });
  });

  it('keeps valid multi-byte text exactly', () => {
    expect(decodeJsonBody(Buffer.from('{"v":"é🔑"}'), 'application/json', true)).toEqual({ v: 'é🔑' });
  });

  it('does not quote the input when it is not JSON', () => {
    const e = failure(() => decodeJsonBody(Buffer.from('{"value":"s3cr3t'), 'application/json', true));
    expect(e.status).toBe(400);
    expect(JSON.stringify({ m: e.message, e: e.errors })).not.toContain('s3cr3t');
  });

  it(`refuses nesting deeper than ${MAX_BODY_DEPTH} and accepts it up to the limit`, () => {
    const at = (n: number) => Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}`);
    expect(decodeJsonBody(at(MAX_BODY_DEPTH), 'application/json', true)).toBeDefined();
    expect(failure(() => decodeJsonBody(at(MAX_BODY_DEPTH + 1), 'application/json', true)).status).toBe(400);
    expect(failure(() => decodeJsonBody(at(100_000), 'application/json', true)).status).toBe(400);
  });

  it('refuses an unpaired surrogate escape, pointing at the field', () => {
    const e = failure(() =>
      decodeJsonBody(Buffer.from('{"scope":{"id":"t"},"value":"a\\ud800b"}'), 'application/json', true),
    );
    expect(e.status).toBe(400);
    expect(e.errors?.[0]?.pointer).toBe('/value');
    const inKey = failure(() => decodeJsonBody(Buffer.from('{"x\\udc00":1}'), 'application/json', true));
    expect(inKey.errors?.[0]?.pointer).toBe('/x\udc00');
    expect(decodeJsonBody(Buffer.from('{"v":"\\ud83d\\udd11"}'), 'application/json', true)).toEqual({
      v: '🔑',
    });
  });

  it('refuses a member name repeated in one object, pointing at it through arrays and escapes', () => {
    const at = (body: string) =>
      failure(() => decodeJsonBody(Buffer.from(body), 'application/json', true)).errors?.[0]?.pointer;
    expect(at('{"names":[{"a":1},{"a":[],"b":"\\"a\\"","a":2}]}')).toBe('/names/1/a');
    expect(at('{"a/b~":{"x":1,"\\u0078":2}}')).toBe('/a~1b~0/x');
    expect(decodeJsonBody(Buffer.from('[{"a":1},{"a":1}]'), 'application/json', true)).toEqual([
      { a: 1 },
      { a: 1 },
    ]);
    expect(decodeJsonBody(Buffer.from('{"a":{"a":"a"},"b":["a","a"]}'), 'application/json', true)).toEqual({
      a: { a: 'a' },
      b: ['a', 'a'],
    });
  });

  it('measures depth without recursion', () => {
    let v: unknown = 1;
    for (let i = 0; i < 200_000; i++) v = [v];
    expect(nestingDepth(v, 10)).toBe(11);
    expect(nestingDepth({ a: [{ b: 1 }] }, 10)).toBe(3);
  });
});
