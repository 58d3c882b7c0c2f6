import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../log/logger.js';

/** Bolt's and the Web API client's logging, routed through vpcdiag's logger (which redacts secrets). */
export function createBoltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'bolt';
  const text = (msg: unknown[]) => msg.map(show).join(' ');
  return {
    debug: (...msg) => log.debug(text(msg), { component: name }),
    info: (...msg) => log.info(text(msg), { component: name }),
    warn: (...msg) => log.warn(text(msg), { component: name }),
    error: (...msg) => log.error(text(msg), { component: name }),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}

function show(m: unknown): string {
  if (m instanceof Error) return `${m.name}: ${m.message}`;
  if (typeof m === 'string') return m;
  try {
    return JSON.stringify(m) ?? String(m);
  } catch {
    return String(m);
  }
}
