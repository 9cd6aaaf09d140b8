/**
 * Schemathesis against the real server with the spec: every phase (examples, coverage, fuzzing, stateful),
 * bounded in examples and time. Checks: no 5xx, responses conform to the spec (status, content type,
 * headers, schema), and invalid requests are refused. `positive_data_acceptance` is off on purpose: the
 * spec itself says some schema-valid inputs are refused (a cursor this server did not issue is 400, a reused
 * Idempotency-Key with another body is 422).
 *
 * Needs scripts/setup.d/30-schemathesis.sh. In CI a missing tool fails; elsewhere it skips loudly.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipUnlessAvailable } from '../../../scripts/lib/ci.ts';
import { SPEC_PATH } from '../../src/http/spec.ts';
import { call, startServer } from '../support/server.ts';

const VERSION = process.env.COFFER_SCHEMATHESIS_VERSION ?? '4.32.5';
const ST =
  process.env.COFFER_SCHEMATHESIS ??
  join(
    process.env.COFFER_TOOLS_DIR ?? join(homedir(), '.cache', 'coffer-tools'),
    `schemathesis-${VERSION}`,
    'bin',
    'st',
  );
const MAX_TIME_S = Number(process.env.COFFER_FUZZ_SECONDS ?? 60);

const skip = skipUnlessAvailable(
  'the Schemathesis fuzz test',
  existsSync(ST) ? [] : [`Schemathesis at ${ST} (scripts/setup.d/30-schemathesis.sh)`],
);

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('schemathesis', () => {
  it.skipIf(skip)(
    'finds no server error and no response outside the spec',
    async () => {
      const srv = await startServer({ env: { COFFER_LOG_LEVEL: 'warn' } });
      const cwd = mkdtempSync(join(tmpdir(), 'coffer-fuzz-'));
      try {
        const { code, out } = await run(
          ST,
          [
            'run',
            SPEC_PATH,
            '--url',
            srv.url,
            '--header',
            `Authorization: Bearer ${srv.key}`,
            '--checks',
            'not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection',
            '--max-examples',
            '25',
            '--max-time',
            String(MAX_TIME_S),
            // One worker: with several, Python 3.11 intermittently fails inside schemathesis's own error
            // reporting ("AST constructor recursion depth mismatch"), a runtime error that is not ours.
            '--workers',
            '1',
            '--request-timeout',
            '10',
            // A generated configuration would point the server at a random Vault or AWS address, and every
            // secret operation after it would answer the backend's 503 (correctly, but failing
            // not_a_server_error). The configuration's validation is tested in secrets.test.ts.
            '--exclude-operation-id',
            'putSecretsManager',
          ],
          cwd,
        );
        const summary = out.slice(out.lastIndexOf('SUMMARY'));
        expect(code, out.slice(-12_000)).toBe(0);
        expect(summary).toMatch(/Test cases:\s+\d+ generated, \d+ passed/);
        // The server logs every 5xx at error level; schemathesis may miss one the spec allows (500).
        expect(srv.output()).not.toContain('"level":"error"');
        expect((await call(srv.url, 'GET', '/v1/healthz')).status).toBe(200);
      } finally {
        await srv.cleanup();
        rmSync(cwd, { recursive: true, force: true });
      }
    },
    (MAX_TIME_S + 60) * 1000,
  );
});
