/**
 * One secret, sealed with AES-256-GCM: a random 12-byte IV per secret, the 16-byte auth tag kept,
 * and the secret's name as additional authenticated data — so a ciphertext moved to another name
 * (the password put where the username was) fails to open instead of being used.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What the vault file holds for one secret; every field but the time is opaque base64. */
export interface SealedSecret {
  iv: string;
  tag: string;
  data: string;
  /** ISO time the secret was set. */
  setAt: string;
}

export function sealSecret(key: Buffer, name: string, value: string, now = new Date()): SealedSecret {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
    setAt: now.toISOString(),
  };
}

/** The value, or null when the key is wrong or the IV, tag, data or name was changed. */
export function openSecret(key: Buffer, name: string, sealed: SealedSecret): string | null {
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(name, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    // GCM says only "unable to authenticate": the caller knows which secret, and says so.
    return null;
  }
}
