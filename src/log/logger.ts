/**
 * A small JSON-lines logger for the bots. Secrets never reach the log: every value in `secrets` and
 * anything shaped like a Slack or Discord token is replaced by "[redacted]" before writing.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const TOKEN_SHAPES = [
  /xox[abposr]-[0-9A-Za-z-]{8,}/g,
  /xapp-\d-[0-9A-Za-z-]{8,}/g,
  /[MNO][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,}/g,
  /(Bot|Bearer)\s+[A-Za-z0-9._-]{20,}/g,
];

export function redact(text: string, secrets: readonly string[]): string {
  let s = text;
  for (const secret of secrets) if (secret && secret.length >= 6) s = s.split(secret).join('[redacted]');
  for (const re of TOKEN_SHAPES) s = s.replace(re, '[redacted]');
  return s;
}

export interface LoggerOptions {
  level?: LogLevel;
  secrets?: readonly string[];
  write?: (line: string) => void;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const min = ORDER[options.level ?? 'info'];
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const log =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[level] < min) return;
      const safe: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields))
        safe[k] = v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v;
      write(redact(JSON.stringify({ time: now().toISOString(), level, msg, ...safe }), secrets));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
