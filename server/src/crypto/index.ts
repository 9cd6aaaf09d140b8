export {
  Cipher,
  DecryptError,
  ENVELOPE_VERSION,
  EncryptionSecretError,
  envelopeKeyId,
  HKDF_INFO,
  HKDF_SALT,
  Keyring,
  MIN_SECRET_LENGTH,
  parseEnvelope,
  validateSecret,
} from './cipher.ts';
export { loadEncryptionSecret, SECRET_FILE_NAME } from './secret-file.ts';
export { SecretValue } from './secret-value.ts';
