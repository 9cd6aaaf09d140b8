// npm run docs -w @coffer/openapi: renders coffer.yaml to dist/coffer.html, the same self-contained page that
// `coffer serve` answers at GET /docs (Redoc from npm, inlined; it opens offline, loads nothing).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { renderReference } from './render.ts';

const here = import.meta.dirname;
const doc = parse(readFileSync(join(here, 'coffer.yaml'), 'utf8')) as Record<string, unknown>;
const { html } = renderReference(doc);
mkdirSync(join(here, 'dist'), { recursive: true });
const out = join(here, 'dist', 'coffer.html');
writeFileSync(out, html);
console.log(`docs: wrote ${out} (${Math.round(Buffer.byteLength(html) / 1024)} KiB, no external resources)`);
