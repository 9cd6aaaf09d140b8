// `coffer`: parse, dispatch to the command (each loaded only when it runs), map failures to exit codes.
import { CommanderError } from 'commander';
import { type CliError, EXIT } from './exit.ts';
import { buildProgram } from './program.ts';

const argv = process.argv.slice(2);
// coffer's own flags end at `--` (after it: `coffer run`'s command, whose flags are not ours).
const ownFlags = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
if (ownFlags.includes('--no-color')) process.env.NO_COLOR = '1';

async function main(): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { toCliError } = await import('./errors.ts');
    const { report } = await import('./report.ts');
    const { connectedTo } = await import('./client.ts');
    const e: CliError = toCliError(err, connectedTo());
    report(e, ownFlags.includes('--json'));
    return e.exitCode;
  }
}

process.exitCode = await main();
