// Colour through node:util styleText, which already honours NO_COLOR, FORCE_COLOR and whether the stream is
// a TTY; `--no-color` sets NO_COLOR for the whole process.
import { styleText } from 'node:util';

type Format = Parameters<typeof styleText>[0];

export function paint(format: Format, text: string, stream: NodeJS.WriteStream = process.stdout): string {
  return styleText(format, text, { stream });
}
