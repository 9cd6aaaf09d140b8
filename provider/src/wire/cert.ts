// The AutoMTLS server certificate: a fresh self-signed ECDSA P-256 certificate for "localhost", shaped like
// the one go-plugin's own client makes (hashicorp/go-plugin mtls.go: CA, digitalSignature | keyEncipherment |
// keyAgreement | keyCertSign, serverAuth + clientAuth). The host pins it from the handshake line.
//
// The DER is assembled here directly (a fixed structure, ~1 ms) instead of through @peculiar/x509, whose
// import alone costs more than the whole start-up budget allows for the certificate (see bench/handshake.ts).
// node:crypto (OpenSSL) makes the key and the ECDSA-SHA256 signature; tests parse the result with OpenSSL.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export interface ServerCertificate {
  /** The certificate, DER. */
  der: Buffer;
  certPem: string;
  keyPem: string;
}

// ---- DER encoding ----------------------------------------------------------------------------------------

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const seq = (...c: Buffer[]) => tlv(0x30, ...c);
const set = (...c: Buffer[]) => tlv(0x31, ...c);
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
const octets = (b: Buffer) => tlv(0x04, b);
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0x00]));
const explicit = (n: number, c: Buffer) => tlv(0xa0 | n, c);

/** A non-negative INTEGER from big-endian magnitude bytes (minimal, with a 0x00 when the top bit is set). */
function uint(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const trimmed = bytes.subarray(i);
  const top = trimmed[0] ?? 0;
  return tlv(0x02, top & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const [a = 0, b = 0, ...rest] = parts;
  const out = [40 * a + b];
  for (const p of rest) {
    const chunk = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime before 2050, GeneralizedTime after (RFC 5280 4.1.2.5). */
function time(d: Date): Buffer {
  const iso = d.toISOString(); // 2026-01-02T03:04:05.678Z
  const digits = iso.slice(0, 19).replace(/[-:T]/g, ''); // 20260102030405
  return d.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`))
    : tlv(0x18, Buffer.from(`${digits}Z`));
}

// ---- the certificate -------------------------------------------------------------------------------------

const ECDSA_WITH_SHA256 = seq(oid('1.2.840.10045.4.3.2'));
const HOST = 'localhost';

function name(): Buffer {
  return seq(set(seq(oid('2.5.4.10'), utf8('Coffer'))), set(seq(oid('2.5.4.3'), utf8(HOST))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

export function createServerCertificate(now = new Date()): ServerCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;

  const extensions = seq(
    // keyUsage: digitalSignature(0) keyEncipherment(2) keyAgreement(4) keyCertSign(5) -> 10101100, 2 unused
    extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x02, 0xac]))),
    // extKeyUsage: serverAuth, clientAuth
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    // basicConstraints: CA (as go-plugin's certificates are)
    extension('2.5.29.19', true, seq(bool(true))),
    // subjectAltName: dNSName localhost
    extension('2.5.29.17', false, seq(tlv(0x82, Buffer.from(HOST)))),
  );

  const tbs = seq(
    explicit(0, tlv(0x02, Buffer.from([2]))), // v3
    uint(serial),
    ECDSA_WITH_SHA256,
    name(),
    seq(time(new Date(now.getTime() - 30_000)), time(new Date(now.getTime() + 10 * 365 * 86_400_000))),
    name(),
    spki,
    explicit(3, extensions),
  );
  const signature = sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' });
  const der = seq(tbs, ECDSA_WITH_SHA256, tlv(0x03, Buffer.from([0]), signature));

  return {
    der,
    certPem: pem('CERTIFICATE', der),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}

function pem(label: string, der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END ${label}-----\n`;
}

/** The handshake line's 6th field: the DER in standard base64 without padding (Go's RawStdEncoding). */
export function handshakeCertField(der: Buffer): string {
  return der.toString('base64').replace(/=+$/, '');
}
