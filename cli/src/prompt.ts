// A hidden prompt on the terminal: nothing typed is echoed. Ctrl-C aborts, Ctrl-D or Enter ends.
import { CliError, EXIT } from './exit.ts';

export function hiddenPrompt(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.reject(new CliError(EXIT.usage, 'a hidden prompt needs a terminal'));
  return new Promise((resolve, reject) => {
    let value = '';
    // Echo off before the question shows: what is typed after it is never echoed by the terminal.
    stdin.setRawMode(true);
    process.stderr.write(question);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\u0003')
          return finish(new CliError(EXIT.aborted, 'aborted at the prompt: nothing was sent'));
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        // A whole character (code point), not half of a surrogate pair.
        if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
