import { createHmac } from 'node:crypto';

export interface SignOptions {
  /** seconds since the epoch; now by default */
  timestamp?: number;
  /** replaces the computed signature (to forge one) */
  signature?: string;
}

/** Slack's request signature: v0=hex(HMAC-SHA256(secret, `v0:${timestamp}:${body}`)). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a body the way Slack does: form-encoded, with the signature headers. */
export async function postSigned(
  url: string,
  form: Record<string, string>,
  secret: string,
  options: SignOptions = {},
): Promise<{ status: number; text: string; ms: number }> {
  const body = new URLSearchParams(form).toString();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(secret, timestamp, body),
    },
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

/** An interactivity payload (shortcut, view submission) as Slack sends it: `payload=<json>`. */
export function interactive(payload: unknown): Record<string, string> {
  return { payload: JSON.stringify(payload) };
}
