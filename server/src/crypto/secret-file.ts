import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EncryptionSecretError, validateSecret } from './cipher.ts';

export const SECRET_FILE_NAME = 'encryption.secret';

/**
 * The encryption secret: `explicit` (COFFER_ENCRYPTION_SECRET) when given, else the content of
 * `<dataDir>/encryption.secret`, generated on first start (48 random bytes, base64url, mode 0600, created
 * exclusively so two processes never write different secrets).
 */
export function loadEncryptionSecret(
  dataDir: string,
  explicit?: string,
): { secret: string; source: 'env' | 'file' | 'generated'; path?: string } {
  if (explicit !== undefined && explicit !== '') {
    validateSecret(explicit, 'COFFER_ENCRYPTION_SECRET');
    return { secret: explicit, source: 'env' };
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, SECRET_FILE_NAME);
  try {
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600); // in case the umask narrowed nothing but the fs ignored mode
    return { secret, source: 'generated', path };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) {
    throw new EncryptionSecretError(
      `${path} is readable by group or others (mode ${mode.toString(8)}); run: chmod 600 ${path}`,
    );
  }
  const secret = readFileSync(path, 'utf8').trim();
  validateSecret(secret, path);
  return { secret, source: 'file', path };
}
