#!/usr/bin/env node
/** `coffer serve [--port] [--host] [--data-dir] [--database-url]` */
import { parseArgs } from 'node:util';
import { jsonLogger, parseLogLevel, serve, serveOptions } from './serve.ts';

const USAGE = `usage: coffer serve [--port 8080] [--host 127.0.0.1] [--data-dir ./.coffer] [--database-url postgres://...]
                    [--tls-cert cert.pem --tls-key key.pem] [--init-store]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'serve') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
  }
  let flags: Record<string, string | boolean | undefined>;
  try {
    ({ values: flags } = parseArgs({
      args: rest,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'init-store': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let log = jsonLogger();
  try {
    log = jsonLogger(undefined, parseLogLevel(process.env.COFFER_LOG_LEVEL));
    const opts = serveOptions(flags as Parameters<typeof serveOptions>[0], process.env);
    const running = await serve(opts, process.env, log);
    log.log('info', 'listening', {
      url: running.url,
      store: running.store.kind,
      ...(running.store.path ? { path: running.store.path } : {}),
    });
    process.stdout.write(`coffer serve: listening on ${running.url} (${running.store.kind} store)\n`);
    await new Promise<void>((resolve) => {
      const onSignal = (signal: NodeJS.Signals) => {
        log.log('info', 'shutting down', { signal });
        running.stop().then(resolve, (err) => {
          log.log('error', 'shutdown failed', { error: (err as Error).name });
          resolve();
        });
      };
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
      process.on('SIGHUP', () => {
        try {
          running.reloadTls();
          log.log('info', 'tls reloaded');
        } catch (err) {
          // Keeps serving with the certificate it has.
          log.log('error', 'tls reload failed', { message: (err as Error).message });
        }
      });
    });
    log.log('info', 'stopped');
    return 0;
  } catch (err) {
    const e = err as Error;
    // Start-up errors (settings, store) carry messages written to be printed.
    const safe =
      e.name === 'SettingsError' ||
      e.name === 'StoreStartupError' ||
      (err as { code?: string }).code === 'EADDRINUSE';
    log.log('error', 'start failed', { error: e.name, message: safe ? e.message : undefined });
    process.stderr.write(`coffer serve: ${safe ? e.message : `start failed (${e.name})`}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
