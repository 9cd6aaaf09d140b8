// Every example in the registry docs (provider/examples, copied into provider/docs) is valid configuration:
// `validate` passes on both CLIs, so an example that stops matching the schema fails CI.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachCli } from './lib/cli.ts';
import { ROOT } from './lib/env.ts';
import { Workdir } from './lib/tofu.ts';

const EXAMPLES = join(ROOT, 'provider', 'examples');
const examples = ['resources', 'data-sources', 'ephemeral-resources'].flatMap((kind) =>
  readdirSync(join(EXAMPLES, kind)).map((type) => {
    const dir = join(EXAMPLES, kind, type);
    const tf = readdirSync(dir).find((f) => f.endsWith('.tf')) as string;
    return { name: `${kind}/${type}`, hcl: readFileSync(join(dir, tf), 'utf8') };
  }),
);

describeEachCli('the registry docs examples', (cli) => {
  it('has one example per type, and the provider example validates on its own', async () => {
    expect(examples.length).toBe(11);
    const wd = new Workdir(cli, {});
    try {
      writeFileSync(join(wd.dir, 'main.tf'), readFileSync(join(EXAMPLES, 'provider', 'provider.tf'), 'utf8'));
      const r = await wd.must(['validate']);
      expect(r.stdout).toContain('Success! The configuration is valid');
    } finally {
      wd.remove();
    }
  });

  for (const ex of examples) {
    it(`${ex.name} validates`, async () => {
      const wd = new Workdir(cli, {});
      try {
        wd.write(ex.hcl);
        const r = await wd.must(['validate']);
        expect(r.stdout).toContain('Success! The configuration is valid');
      } finally {
        wd.remove();
      }
    });
  }
});
