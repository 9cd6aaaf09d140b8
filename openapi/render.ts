// The API reference as one self-contained HTML page: Redoc's standalone bundle (from npm, inlined), the spec
// document inlined as JSON, and a Content-Security-Policy that allows no network request at all. `coffer serve`
// answers it at GET /docs; `npm run docs -w @coffer/openapi` writes the same page to dist/coffer.html, which
// opens offline from the file system.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Where the renderer comes from: the `redoc` package's standalone bundle (React and all included). */
const REDOC_BUNDLE = require.resolve('redoc/bundles/redoc.standalone.js');

let bundle: string | undefined;

/**
 * The bundle, safe to inline in a <script> element: `<script` and `<!--` (in two regular expressions and one
 * string of the bundle) would switch the HTML tokenizer into its escaped script states, and the real
 * `</script>` would then not end the element. `\x3C` means `<` in JavaScript strings and regular expressions.
 */
function inlineBundle(): string {
  bundle ??= readFileSync(REDOC_BUNDLE, 'utf8')
    .replace(/<script/gi, '\\x3Cscript')
    .replace(/<!--/g, '\\x3C!--')
    .replace(/<\/script/gi, '\\x3C/script');
  return bundle;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that can sit inside <script type="application/json"> (no `<` that could end or escape it). */
function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const BOOT = `
(function () {
  var spec = JSON.parse(document.getElementById('coffer-spec').textContent);
  Redoc.init(spec, {
    hideDownloadButton: false,
    expandResponses: '200,201',
    jsonSampleExpandLevel: 3,
    theme: { typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
      code: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' } } }
  }, document.getElementById('redoc'), function () { document.documentElement.dataset.rendered = 'true'; });
})();
`;

export interface RenderedReference {
  html: string;
  /** The Content-Security-Policy the page carries (also as a <meta>), for servers to send as a header. */
  csp: string;
}

/**
 * Renders the reference of an OpenAPI document. The page loads nothing: scripts are allowed by hash only,
 * connections, frames, objects and remote images are refused (Redoc's search runs in a blob: worker).
 */
export function renderReference(doc: Record<string, unknown>): RenderedReference {
  const info = (doc.info ?? {}) as { title?: string; version?: string };
  const title = `${info.title ?? 'API'} ${info.version ?? ''} reference`.trim();
  const redoc = inlineBundle();
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(redoc)} ${sha256(BOOT)}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    'worker-src blob:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp.replace("; frame-ancestors 'none'", ''))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<noscript>This API reference needs JavaScript. The contract itself is at /v1/openapi.yaml.</noscript>
<div id="redoc"></div>
<script type="application/json" id="coffer-spec">${inlineJson(doc)}</script>
<script>${redoc}</script>
<script>${BOOT}</script>
</body>
</html>
`;
  return { html, csp };
}
