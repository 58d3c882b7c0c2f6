/**
 * Reading errors from @slack/web-api v8 (WebAPIPlatformError and friends, told apart by `code`) and
 * from Bolt's respond() (RespondError), without depending on their classes.
 */

/** The `error` string of a platform error (`not_in_channel`, `invalid_auth`, …), if it is one. */
export function platformError(err: unknown): string | undefined {
  const e = err as { code?: unknown; data?: { error?: unknown } } | null;
  if (e && e.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string') return e.data.error;
  return undefined;
}

/** Errors that mean "the app cannot post in this conversation", where a private reply still works. */
const CANNOT_POST = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'team_access_not_granted',
  'thread_not_found',
  'cannot_reply_to_message',
]);

export function cannotPostHere(err: unknown): string | undefined {
  const code = platformError(err);
  return code && CANNOT_POST.has(code) ? code : undefined;
}

/** A short, secret-free description for logs and for "Slack said: …". */
export function describeSlackError(err: unknown): string {
  const platform = platformError(err);
  if (platform) return platform;
  const e = err as { code?: unknown; statusCode?: unknown; retryAfter?: unknown; message?: unknown } | null;
  if (e?.code === 'slack_webapi_rate_limited_error')
    return `rate limited (retry after ${String(e.retryAfter)} s)`;
  if (e?.code === 'slack_webapi_http_error') return `HTTP ${String(e.statusCode)}`;
  if (e?.code === 'slack_webapi_request_error') return 'could not reach Slack';
  if (e?.code === 'slack_bolt_respond_error') return `response_url answered HTTP ${String(e.statusCode)}`;
  return typeof e?.message === 'string' ? e.message.slice(0, 200) : String(err).slice(0, 200);
}
