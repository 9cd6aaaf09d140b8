// Headless Chromium (Debian's package, scripts/setup.d/60-chromium.sh) with the network off: every host name
// resolves to nothing and every non-loopback connection goes to a proxy that is not there, so a page that
// needs anything from the internet renders without it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { skipUnlessAvailable } from '../../scripts/lib/ci.ts';
import { exec, type Result } from './lib.ts';

/** The Chromium binary (CHROMIUM_BIN, or `chromium` on the PATH), or undefined. */
function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_BIN, 'chromium', 'chromium-browser'].filter(Boolean) as string[];
  for (const c of candidates) {
    try {
      execFileSync(c, ['--version'], { stdio: 'ignore', timeout: 20_000 });
      return c;
    } catch {}
  }
  return undefined;
}

/** True when the browser test must skip (no Chromium outside CI); throws in CI. */
export function chromiumMissing(): boolean {
  return skipUnlessAvailable(
    'API reference browser test',
    findChromium() ? [] : ['Chromium (scripts/setup.d/60-chromium.sh)'],
  );
}

const NETWORK_OFF = [
  '--proxy-server=http://127.0.0.1:9',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

/** Runs headless Chromium on `url` with the network off; `mode` is --dump-dom or --screenshot=<file>. */
export async function headless(url: string, mode: string[]): Promise<Result> {
  const profile = mkdtempSync(join(tmpdir(), 'coffer-chromium-'));
  try {
    return await exec(
      findChromium() as string,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        `--user-data-dir=${profile}`,
        ...NETWORK_OFF,
        '--window-size=1400,1000',
        // Lets the page's scripts and timers run to completion before the DOM or the picture is taken.
        '--virtual-time-budget=20000',
        ...mode,
        url,
      ],
      { cwd: profile, timeoutMs: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The text a reader sees in a dumped DOM: scripts and styles dropped, tags removed, entities decoded. */
export function visibleText(dom: string): string {
  return dom
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
