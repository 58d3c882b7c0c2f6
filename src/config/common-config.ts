import { z } from 'zod';
import { ConfigError, describeIssues } from './config-error.js';

const HELP = {
  PORT: 'Set PORT to the TCP port for the HTTP endpoints (/slack/events, /discord/interactions, /healthz), e.g. PORT=3000.',
  LOG_LEVEL: 'Set LOG_LEVEL to one of debug, info, warn, error.',
};

export const commonConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type CommonConfig = z.infer<typeof commonConfigSchema>;

export function loadCommonConfig(env: Readonly<Record<string, string | undefined>>): CommonConfig {
  const r = commonConfigSchema.safeParse({
    PORT: env.PORT || undefined,
    LOG_LEVEL: env.LOG_LEVEL || undefined,
  });
  if (!r.success) throw new ConfigError(describeIssues(r.error.issues, HELP));
  return r.data;
}
