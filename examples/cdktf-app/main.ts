// Synthesizes the example stacks without the cdktf CLI: `npm run cdktf-app:synth -w @coffer/examples`.
//
//   node cdktf-app/main.ts [--outdir DIR]
//
// writes DIR/cdktf/stacks/coffer-cdktf/cdk.tf.json and DIR/cdktn/stacks/coffer-cdktn/cdk.tf.json (default DIR:
// examples/cdktf-app/out). Apply one with: cd DIR/cdktf/stacks/coffer-cdktf && tofu apply
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as cdktf from 'cdktf';
import * as cdktn from 'cdktn';
import { cdktfStack, cdktnStack } from './stacks.ts';

export const STACKS = { cdktf: 'coffer-cdktf', cdktn: 'coffer-cdktn' } as const;

/** Synthesizes both variants; answers the directory of each stack's cdk.tf.json. */
export function synthAll(outdir: string): { cdktf: string; cdktn: string } {
  mkdirSync(join(outdir, 'cdktf'), { recursive: true });
  mkdirSync(join(outdir, 'cdktn'), { recursive: true });
  const a = new cdktf.App({ outdir: join(outdir, 'cdktf') });
  cdktfStack(a, STACKS.cdktf);
  a.synth();
  const b = new cdktn.App({ outdir: join(outdir, 'cdktn') });
  cdktnStack(b, STACKS.cdktn);
  b.synth();
  return {
    cdktf: join(outdir, 'cdktf', 'stacks', STACKS.cdktf),
    cdktn: join(outdir, 'cdktn', 'stacks', STACKS.cdktn),
  };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
  const outdir = resolve(values.outdir ?? join(import.meta.dirname, 'out'));
  const dirs = synthAll(outdir);
  console.log(`synthesized:\n  ${join(dirs.cdktf, 'cdk.tf.json')}\n  ${join(dirs.cdktn, 'cdk.tf.json')}`);
}
