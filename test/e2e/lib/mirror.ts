// Provider mirrors built from a release (provider/release): the two filesystem_mirror layouts and a
// network_mirror served over HTTPS from loopback (the provider network mirror protocol: `index.json` lists
// the versions, `<version>.json` the archives per platform with their zh: hashes, the zip itself), plus CLI
// configuration files that install coffer/coffer from them and nothing from anywhere else.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { createServerCertificate } from 'terraform-provider-coffer/dev/cert';
import { readZip } from 'terraform-provider-coffer/dev/zip';
import type { Release } from 'terraform-provider-coffer/release';

const NAMESPACE = 'coffer';
export const TYPE = 'coffer';

/** The zip's sha256 as SHA256SUMS lists it. */
export function zipSha256(rel: Release, platform: string): string {
  const zip = basename(rel.zips[platform] as string);
  const line = readFileSync(rel.sums, 'utf8')
    .split('\n')
    .find((l) => l.endsWith(`  ${zip}`));
  if (!line) throw new Error(`${zip} is not in ${rel.sums}`);
  return line.split(' ')[0] as string;
}

/** The h1: hash of a package (golang.org/x/mod/sumdb/dirhash Hash1 over the zip's files): what the CLIs
 * compute from the package itself and record in .terraform.lock.hcl whatever the source. */
export function h1Hash(rel: Release, platform: string): string {
  const sha = (b: Buffer | string) => createHash('sha256').update(b).digest();
  const lines = readZip(readFileSync(rel.zips[platform] as string))
    .map((e) => `${sha(e.data).toString('hex')}  ${e.name}\n`)
    .sort()
    .join('');
  return `h1:${sha(lines).toString('base64')}`;
}

/** Packed layout: HOST/NAMESPACE/TYPE/terraform-provider-TYPE_VERSION_OS_ARCH.zip */
export function packedMirror(root: string, host: string, rel: Release, platform: string): void {
  const dir = join(root, host, NAMESPACE, TYPE);
  mkdirSync(dir, { recursive: true });
  const zip = rel.zips[platform] as string;
  writeFileSync(join(dir, basename(zip)), readFileSync(zip));
}

/** Unpacked layout: HOST/NAMESPACE/TYPE/VERSION/OS_ARCH/<the zip's contents> */
export function unpackedMirror(root: string, host: string, rel: Release, platform: string): void {
  const dir = join(root, host, NAMESPACE, TYPE, rel.version, platform);
  mkdirSync(dir, { recursive: true });
  for (const e of readZip(readFileSync(rel.zips[platform] as string))) {
    writeFileSync(join(dir, e.name), e.data, { mode: e.mode & 0o777 });
  }
}

export interface NetworkMirror {
  /** https://localhost:PORT/ (the CLI's network_mirror url) */
  url: string;
  /** PEM of the server's certificate, for SSL_CERT_FILE (Go trusts the roots listed there). */
  caFile: string;
  /** Paths requested so far. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `rel` for every registry host under https://localhost:PORT/HOST/NAMESPACE/TYPE/. */
export async function startNetworkMirror(rel: Release, dir: string): Promise<NetworkMirror> {
  const cert = createServerCertificate();
  const caFile = join(dir, 'mirror-ca.pem');
  writeFileSync(caFile, cert.certPem);
  const requests: string[] = [];
  const archives = Object.fromEntries(
    Object.entries(rel.zips).map(([platform, zip]) => [
      platform,
      { url: basename(zip), hashes: [h1Hash(rel, platform), `zh:${zipSha256(rel, platform)}`] },
    ]),
  );
  const server: Server = createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://localhost').pathname;
    requests.push(path);
    const m = /^\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
    const send = (status: number, type: string, body: Buffer | string) => {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (!m || m[2] !== NAMESPACE || m[3] !== TYPE) return send(404, 'text/plain', 'not found\n');
    const file = m[4] as string;
    if (file === 'index.json') {
      return send(200, 'application/json', JSON.stringify({ versions: { [rel.version]: {} } }));
    }
    if (file === `${rel.version}.json`) return send(200, 'application/json', JSON.stringify({ archives }));
    const zip = Object.values(rel.zips).find((z) => basename(z) === file);
    if (zip) return send(200, 'application/zip', readFileSync(zip));
    return send(404, 'text/plain', 'not found\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}/`,
    caFile,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A CLI configuration that installs coffer/* only from `installation` (a filesystem_mirror or
 * network_mirror block) and nothing from the public registries. */
export function writeMirrorConfig(file: string, host: string, installation: string): string {
  const pattern = `${host}/${NAMESPACE}/*`;
  writeFileSync(
    file,
    `provider_installation {
  ${installation.replace('INCLUDE', JSON.stringify([pattern]))}
  direct {
    exclude = ${JSON.stringify([pattern])}
  }
}
`,
  );
  return file;
}
