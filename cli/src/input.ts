// Where secret values come from: stdin, a file, or a hidden prompt; never the command line, where every
// user of the machine sees them in the process list and the shell keeps them in its history.
import { readFileSync } from 'node:fs';
import { CliError, EXIT, usage } from './exit.ts';

export interface ValueFlags {
  stdin?: boolean;
  fromFile?: string;
  prompt?: boolean;
  /** A hidden `--value`: present only so that we can refuse it with advice. */
  value?: unknown;
}

/** The advice printed when a value was given on the command line (the value itself is never echoed). */
function argvAdvice(command: string): string {
  return [
    'a secret value on the command line is visible to every user in the process list and is saved in your shell history, so coffer refuses it.',
    'Pass it one of these ways instead:',
    `  ${command} --stdin < value.txt          (or: printf %s "$VALUE" | ${command} --stdin)`,
    `  ${command} --from-file value.txt`,
    `  ${command}                              (a hidden prompt, in a terminal)`,
    'The line you typed is already in your history: remove it (bash: `history -d <number>`, then `history -w`; zsh: delete it from ~/.zsh_history), and rotate the value if others use this machine.',
  ].join('\n');
}

export function refuseArgv(command: string, flags: ValueFlags, extra: string[]): void {
  if (flags.value !== undefined || extra.length > 0) {
    throw new CliError(EXIT.usage, 'refused: secret values are never read from the command line', {
      hint: argvAdvice(command),
      kind: 'value-on-argv',
    });
  }
}

/** One trailing newline (what `echo` and editors add) is not part of the value. */
function trimNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Values are text: bytes that are not UTF-8 are refused, not stored with U+FFFD in their place. */
export function utf8(bytes: Uint8Array, what: string): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw usage(
      `${what} is not UTF-8 text; nothing was sent`,
      'values are text: encode binary data first (e.g. `base64 < file | coffer ... --stdin`)',
    );
  }
}

export async function readStdinBytes(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function readStdin(what: string): Promise<string> {
  return utf8(await readStdinBytes(), what);
}

export async function readValue(
  flags: ValueFlags,
  what: string,
  required: boolean,
): Promise<string | undefined> {
  const sources = [flags.stdin, flags.fromFile !== undefined, flags.prompt].filter(Boolean).length;
  if (sources > 1) throw usage('give the value one way: --stdin, --from-file or --prompt');
  let value: string | undefined;
  if (flags.stdin) value = trimNewline(await readStdin(`the ${what} on stdin`));
  else if (flags.fromFile !== undefined) {
    let bytes: Buffer;
    try {
      bytes = flags.fromFile === '-' ? await readStdinBytes() : readFileSync(flags.fromFile);
    } catch (err) {
      throw usage(
        `cannot read --from-file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    value = trimNewline(utf8(bytes, `the ${what} in --from-file`));
  } else if (flags.prompt || (required && process.stdin.isTTY)) {
    const { hiddenPrompt } = await import('./prompt.ts');
    value = await hiddenPrompt(`${what}: `);
  } else if (required) {
    throw usage(
      `no value given for ${what}`,
      'pass --stdin (and pipe it in), --from-file PATH, or run it in a terminal for a hidden prompt',
    );
  }
  if (value !== undefined && value.length === 0) throw usage(`the value for ${what} is empty`);
  return value;
}
