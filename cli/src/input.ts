// Where secret values come from: stdin, a file, or a hidden prompt; never the command line, where every
// user of the machine sees them in the process list and the shell keeps them in its history.
import { createReadStream } from 'node:fs';
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

/**
 * The most bytes a value can take: the spec's `SecretValue` is at most 65536 characters (4 UTF-8 bytes each at
 * most), plus the newline that is dropped. A body over 1 MiB the server refuses (413): the bound of JSON input.
 */
export const MAX_VALUE_BYTES = 4 * 65536 + 2;
export const MAX_BODY_BYTES = 1 << 20;

/**
 * Stdin (`-`) or a file, at most `limit` bytes: past that it stops reading (so `yes | coffer ...` ends) and
 * refuses with exit 2 before anything is sent.
 */
export async function readBytes(file: string, limit: number, what: string, hint?: string): Promise<Buffer> {
  const stream = file === '-' ? process.stdin : createReadStream(file);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const c of stream) {
      size += (c as Buffer).length;
      if (size > limit) {
        stream.destroy();
        throw usage(`${what} is larger than ${limit} bytes; nothing was sent`, hint);
      }
      chunks.push(c as Buffer);
    }
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw usage(`cannot read ${what}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return Buffer.concat(chunks);
}

export async function readValue(
  flags: ValueFlags,
  what: string,
  required: boolean,
): Promise<string | undefined> {
  const sources = [flags.stdin, flags.fromFile !== undefined, flags.prompt].filter(Boolean).length;
  if (sources > 1) throw usage('give the value one way: --stdin, --from-file or --prompt');
  let value: string | undefined;
  const fromStdin = flags.stdin || flags.fromFile === '-';
  if (fromStdin && process.stdin.isTTY) {
    // Stdin is the terminal: the line typed would be echoed for anyone to see. Read it hidden instead.
    const { hiddenPrompt } = await import('./prompt.ts');
    value = await hiddenPrompt(`${what}: `);
  } else if (flags.stdin || flags.fromFile !== undefined) {
    const where = flags.stdin ? `the ${what} on stdin` : `the ${what} in --from-file`;
    const hint = 'the API takes values of at most 65536 characters';
    value = trimNewline(utf8(await readBytes(flags.fromFile ?? '-', MAX_VALUE_BYTES, where, hint), where));
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
