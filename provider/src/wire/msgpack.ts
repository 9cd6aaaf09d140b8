// A minimal msgpack reader and writer (https://github.com/msgpack/msgpack/blob/master/spec.md), shaped for
// the schema-directed cty codec: the reader yields one header at a time, the writer emits the compact forms
// go-cty's encoder (vmihailenco/msgpack with compact encoding) emits.

export type Token =
  | { kind: 'nil' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: number | bigint }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'bin'; value: Uint8Array }
  | { kind: 'array'; length: number }
  | { kind: 'map'; length: number }
  | { kind: 'ext'; type: number; data: Uint8Array };

export class MsgpackError extends Error {
  override name = 'MsgpackError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();
/** Strings up to this many bytes are decoded without TextDecoder when they are ASCII. */
const SHORT = 64;

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return false;
  return true;
}

export class Reader {
  private pos = 0;
  private readonly view: DataView;
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** The next value's header; for str/bin/ext the payload too. Arrays and maps: read `length` items after. */
  next(): Token {
    const b = this.u8();
    if (b <= 0x7f) return { kind: 'int', value: b };
    if (b >= 0xe0) return { kind: 'int', value: b - 0x100 };
    if (b >= 0x80 && b <= 0x8f) return { kind: 'map', length: b & 0x0f };
    if (b >= 0x90 && b <= 0x9f) return { kind: 'array', length: b & 0x0f };
    if (b >= 0xa0 && b <= 0xbf) return this.str(b & 0x1f);
    switch (b) {
      case 0xc0:
        return { kind: 'nil' };
      case 0xc2:
        return { kind: 'bool', value: false };
      case 0xc3:
        return { kind: 'bool', value: true };
      case 0xc4:
        return { kind: 'bin', value: this.take(this.u8()) };
      case 0xc5:
        return { kind: 'bin', value: this.take(this.u16()) };
      case 0xc6:
        return { kind: 'bin', value: this.take(this.u32()) };
      case 0xc7:
        return this.ext(this.u8());
      case 0xc8:
        return this.ext(this.u16());
      case 0xc9:
        return this.ext(this.u32());
      case 0xca:
        return { kind: 'float', value: this.advance(4, (o) => this.view.getFloat32(o)) };
      case 0xcb:
        return { kind: 'float', value: this.advance(8, (o) => this.view.getFloat64(o)) };
      case 0xcc:
        return { kind: 'int', value: this.u8() };
      case 0xcd:
        return { kind: 'int', value: this.u16() };
      case 0xce:
        return { kind: 'int', value: this.u32() };
      case 0xcf:
        return { kind: 'int', value: this.advance(8, (o) => this.view.getBigUint64(o)) };
      case 0xd0:
        return { kind: 'int', value: this.advance(1, (o) => this.view.getInt8(o)) };
      case 0xd1:
        return { kind: 'int', value: this.advance(2, (o) => this.view.getInt16(o)) };
      case 0xd2:
        return { kind: 'int', value: this.advance(4, (o) => this.view.getInt32(o)) };
      case 0xd3:
        return { kind: 'int', value: this.advance(8, (o) => this.view.getBigInt64(o)) };
      case 0xd4:
        return this.ext(1);
      case 0xd5:
        return this.ext(2);
      case 0xd6:
        return this.ext(4);
      case 0xd7:
        return this.ext(8);
      case 0xd8:
        return this.ext(16);
      case 0xd9:
        return this.str(this.u8());
      case 0xda:
        return this.str(this.u16());
      case 0xdb:
        return this.str(this.u32());
      case 0xdc:
        return { kind: 'array', length: this.u16() };
      case 0xdd:
        return { kind: 'array', length: this.u32() };
      case 0xde:
        return { kind: 'map', length: this.u16() };
      case 0xdf:
        return { kind: 'map', length: this.u32() };
      default:
        throw new MsgpackError(`invalid msgpack byte 0x${b.toString(16)} at offset ${this.pos - 1}`);
    }
  }

  /** Skips one complete value (including everything inside an array or map). */
  skip(): void {
    let pending = 1;
    while (pending > 0) {
      pending--;
      const t = this.next();
      if (t.kind === 'array') pending += t.length;
      else if (t.kind === 'map') pending += 2 * t.length;
    }
  }

  private str(length: number): Token {
    const bytes = this.take(length);
    // Attribute names and most values are short ASCII: skip TextDecoder's call overhead for them.
    if (length <= SHORT && isAscii(bytes)) {
      return { kind: 'str', value: String.fromCharCode.apply(null, bytes as unknown as number[]) };
    }
    try {
      return { kind: 'str', value: utf8.decode(bytes) };
    } catch (e) {
      if (e instanceof MsgpackError) throw e;
      throw new MsgpackError(`invalid UTF-8 in a msgpack string ending at offset ${this.pos}`);
    }
  }

  private ext(length: number): Token {
    const type = this.advance(1, (o) => this.view.getInt8(o));
    return { kind: 'ext', type, data: this.take(length) };
  }

  private u8(): number {
    this.need(1);
    return this.bytes[this.pos++] as number;
  }

  private u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }

  private u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }

  private take(length: number): Uint8Array {
    this.need(length);
    const start = this.pos;
    this.pos += length;
    return this.bytes.subarray(start, start + length);
  }

  private need(length: number): void {
    if (this.pos + length > this.bytes.length) {
      throw new MsgpackError(`msgpack data ends early (need ${length} bytes at offset ${this.pos})`);
    }
  }

  private advance<T>(length: number, read: (offset: number) => T): T {
    if (this.pos + length > this.bytes.length) {
      throw new MsgpackError(`msgpack data ends early (need ${length} bytes at offset ${this.pos})`);
    }
    const offset = this.pos;
    this.pos += length;
    return read(offset);
  }
}

export class Writer {
  private buf = new Uint8Array(256);
  private view = new DataView(this.buf.buffer);
  private pos = 0;

  bytes(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  nil(): void {
    this.u8(0xc0);
  }

  bool(v: boolean): void {
    this.u8(v ? 0xc3 : 0xc2);
  }

  /** The totally unknown value: fixext1, extension type 0, one zero byte (go-cty's `d4 00 00`). */
  unknown(): void {
    this.raw([0xd4, 0x00, 0x00]);
  }

  /** An integer in its smallest msgpack form. */
  int(v: number | bigint): void {
    if (typeof v === 'bigint') {
      if (v >= -(2n ** 31n) && v < 2n ** 32n) {
        this.int(Number(v));
        return;
      }
      this.ensure(9);
      if (v >= 0n) {
        this.u8(0xcf);
        this.view.setBigUint64(this.pos, v);
      } else {
        this.u8(0xd3);
        this.view.setBigInt64(this.pos, v);
      }
      this.pos += 8;
      return;
    }
    if (!Number.isSafeInteger(v)) throw new RangeError('msgpack int: not a safe integer');
    if (v >= 0) {
      if (v <= 0x7f) this.u8(v);
      else if (v <= 0xff) this.raw([0xcc, v]);
      else if (v <= 0xffff) this.fixed(0xcd, 2, (o) => this.view.setUint16(o, v));
      else if (v <= 0xffffffff) this.fixed(0xce, 4, (o) => this.view.setUint32(o, v));
      else this.int(BigInt(v));
    } else if (v >= -32) this.u8(v + 0x100);
    else if (v >= -0x80) this.fixed(0xd0, 1, (o) => this.view.setInt8(o, v));
    else if (v >= -0x8000) this.fixed(0xd1, 2, (o) => this.view.setInt16(o, v));
    else if (v >= -0x80000000) this.fixed(0xd2, 4, (o) => this.view.setInt32(o, v));
    else this.int(BigInt(v));
  }

  float64(v: number): void {
    this.fixed(0xcb, 8, (o) => this.view.setFloat64(o, v));
  }

  str(v: string): void {
    const len = v.length;
    if (len < 32) {
      // fixstr of ASCII (attribute names, most values): one byte per UTF-16 unit, written in place.
      this.ensure(1 + len);
      const start = this.pos + 1;
      let i = 0;
      for (; i < len; i++) {
        const c = v.charCodeAt(i);
        if (c > 0x7f) break;
        this.buf[start + i] = c;
      }
      if (i === len) {
        this.buf[this.pos] = 0xa0 | len;
        this.pos = start + len;
        return;
      }
    }
    const data = utf8Encoder.encode(v);
    const n = data.length;
    if (n < 32) this.u8(0xa0 | n);
    else if (n <= 0xff) this.raw([0xd9, n]);
    else if (n <= 0xffff) this.fixed(0xda, 2, (o) => this.view.setUint16(o, n));
    else this.fixed(0xdb, 4, (o) => this.view.setUint32(o, n));
    this.raw(data);
  }

  bin(data: Uint8Array): void {
    const n = data.length;
    if (n <= 0xff) this.raw([0xc4, n]);
    else if (n <= 0xffff) this.fixed(0xc5, 2, (o) => this.view.setUint16(o, n));
    else this.fixed(0xc6, 4, (o) => this.view.setUint32(o, n));
    this.raw(data);
  }

  arrayHeader(n: number): void {
    if (n < 16) this.u8(0x90 | n);
    else if (n <= 0xffff) this.fixed(0xdc, 2, (o) => this.view.setUint16(o, n));
    else this.fixed(0xdd, 4, (o) => this.view.setUint32(o, n));
  }

  mapHeader(n: number): void {
    if (n < 16) this.u8(0x80 | n);
    else if (n <= 0xffff) this.fixed(0xde, 2, (o) => this.view.setUint16(o, n));
    else this.fixed(0xdf, 4, (o) => this.view.setUint32(o, n));
  }

  private fixed(code: number, length: number, write: (offset: number) => void): void {
    this.ensure(1 + length);
    this.buf[this.pos++] = code;
    write(this.pos);
    this.pos += length;
  }

  private u8(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  private raw(data: ArrayLike<number>): void {
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
}
