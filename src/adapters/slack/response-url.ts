import type { SlackMessage } from '../../render/slack/block-kit.js';

/**
 * Posts a private (ephemeral) message through a `response_url` (valid 30 minutes, 5 uses). It needs
 * no token and no channel membership, which is why it is the fallback wherever the app cannot post.
 */
export async function postToResponseUrl(
  responseUrl: string,
  message: SlackMessage,
  fetchFn: typeof fetch = fetch,
): Promise<void> {
  const res = await fetchFn(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await res.text().catch(() => '');
  if (!res.ok) throw new ResponseUrlError(res.status, body.slice(0, 100));
}

export class ResponseUrlError extends Error {
  override readonly name = 'ResponseUrlError';
  readonly code = 'slack_bolt_respond_error';
  constructor(
    readonly statusCode: number,
    body: string,
  ) {
    super(`response_url answered HTTP ${statusCode}${body ? `: ${body}` : ''}`);
  }
}
