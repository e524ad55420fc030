/*
 * Passphrase encryption for backups with the browser's (and Node's) WebCrypto: PBKDF2-SHA-256 with
 * 600,000 iterations derives an AES-GCM key; GCM authenticates, so a wrong passphrase or an altered
 * file fails to decrypt instead of producing rubbish.
 */
import { fromBase64, toBase64 } from '../base64';
export const PBKDF2_ITERATIONS = 600_000;

export interface EncryptedEnvelope {
  formatName: 'readiness-workspace-encrypted';
  formatVersion: 1;
  exportedAt: string;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  data: string;
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function encryptBackup(
  plain: Uint8Array,
  passphrase: string,
  exportedAt: string,
): Promise<EncryptedEnvelope> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const data = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain as BufferSource),
  );
  return {
    formatName: 'readiness-workspace-encrypted',
    formatVersion: 1,
    exportedAt,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(data),
  };
}

/** The decrypted bytes, or undefined when the passphrase is wrong or the file was altered. */
export async function decryptBackup(
  envelope: EncryptedEnvelope,
  passphrase: string,
): Promise<Uint8Array | undefined> {
  try {
    const key = await deriveKey(passphrase, fromBase64(envelope.kdf.salt), envelope.kdf.iterations);
    const iv = fromBase64(envelope.cipher.iv);
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: iv as BufferSource },
        key,
        fromBase64(envelope.data) as BufferSource,
      ),
    );
  } catch {
    return undefined;
  }
}
