import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

function key(): Buffer {
  const secret = process.env.QUARRY_SECRET;
  if (!secret || secret.length < 16) {
    throw new Error('QUARRY_SECRET must be set to at least 16 characters: it encrypts dataset connection strings.');
  }
  return Buffer.from(hkdfSync('sha256', secret, 'quarry', 'dataset-connection', 32));
}

/** AES-256-GCM: `v1:<iv>:<tag>:<ciphertext>`, each base64url. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join(':');
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('Unrecognised encrypted value.');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('A dataset connection string could not be decrypted: QUARRY_SECRET differs from the one it was saved with.');
  }
}
