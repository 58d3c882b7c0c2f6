import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The application's Public Key (64 hex characters, from the Developer Portal) as a key object. */
export function discordPublicKey(hex: string): KeyObject {
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/**
 * Checks `X-Signature-Ed25519` over `X-Signature-Timestamp` + the raw body, as Discord signs every
 * request to an interactions endpoint (discord-api-docs, interactions/overview). False, never a
 * throw, for anything malformed.
 */
export function verifyDiscordSignature(
  key: KeyObject,
  timestamp: string | undefined,
  body: Buffer,
  signatureHex: string | undefined,
): boolean {
  if (!timestamp || !signatureHex || !/^[0-9a-fA-F]{128}$/.test(signatureHex)) return false;
  try {
    return verify(
      null,
      Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
      key,
      Buffer.from(signatureHex, 'hex'),
    );
  } catch {
    return false;
  }
}
