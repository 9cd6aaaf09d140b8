// `coffer`: parse, dispatch to the command (each loaded only when it runs), map failures to exit codes.
import { CommanderError } from 'commander';
import { CliError, EXIT } from './exit.ts';
import { buildProgram, unquoted } from './program.ts';

const argv = process.argv.slice(2);
// coffer's own flags end at `--` (after it: `coffer run`'s command, whose flags are not ours).
const ownFlags = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
if (ownFlags.includes('--no-color')) process.env.NO_COLOR = '1';

const asJson = ownFlags.includes('--json');

async function main(): Promise<number> {
  const program = buildProgram({ jsonErrors: asJson });
  try {
    await program.parseAsync(process.argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT.ok;
      // Without --json commander has printed it already; with --json it printed nothing.
      if (asJson) {
        const { report } = await import('./report.ts');
        const message = unquoted(err.message).replace(/^error: /, '');
        report(new CliError(EXIT.usage, message, { kind: 'usage', hint: 'add --help for usage' }), true);
      }
      return EXIT.usage;
    }
    const { toCliError } = await import('./errors.ts');
    const { report } = await import('./report.ts');
    const { connectedTo } = await import('./client.ts');
    const e: CliError = toCliError(err, connectedTo());
    report(e, asJson);
    return e.exitCode;
  }
}

process.exitCode = await main();
