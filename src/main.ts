import { interactive } from './adapters/cli/interactive.js';
import { HttpServer } from './adapters/http/http-server.js';
import type { RunningAdapter } from './adapters/running-adapter.js';
import { loadCommonConfig } from './config/common-config.js';
import { ConfigError } from './config/config-error.js';
import { discordRequested, loadDiscordConfig } from './config/discord-config.js';
import { loadSlackConfig, slackRequested } from './config/slack-config.js';
import { createLogger } from './log/logger.js';

/**
 * `npm start`: with chat tokens in the environment, the configured chat adapters (Slack, Discord or
 * both, sharing one HTTP server on PORT); without, a local interactive session that prints replies the
 * way the bots show them.
 */
async function start(env: NodeJS.ProcessEnv): Promise<void> {
  const wantSlack = slackRequested(env);
  const wantDiscord = discordRequested(env);
  if (!wantSlack && !wantDiscord) {
    await interactive();
    return;
  }
  let common: ReturnType<typeof loadCommonConfig>;
  let slack: ReturnType<typeof loadSlackConfig> | undefined;
  let discord: ReturnType<typeof loadDiscordConfig> | undefined;
  const problems: string[] = [];
  try {
    common = loadCommonConfig(env);
  } catch (err) {
    process.stderr.write(`vpcdiag: configuration problem:\n${(err as Error).message}\n`);
    process.exit(2);
  }
  for (const [wanted, load, set] of [
    [wantSlack, () => loadSlackConfig(env, common), (c: unknown) => (slack = c as typeof slack)],
    [wantDiscord, () => loadDiscordConfig(env, common), (c: unknown) => (discord = c as typeof discord)],
  ] as const) {
    if (!wanted) continue;
    try {
      set(load());
    } catch (err) {
      if (err instanceof ConfigError) problems.push(err.message);
      else throw err;
    }
  }
  if (problems.length > 0) {
    process.stderr.write(
      `vpcdiag: configuration problem:\n${problems.join('\n')}\nSee .env.example and the README.\n`,
    );
    process.exit(2);
  }

  const secrets = [slack?.botToken, slack?.signingSecret, slack?.appToken, discord?.token].filter(
    (s): s is string => Boolean(s),
  );
  const log = createLogger({ level: common.LOG_LEVEL, secrets });
  const server = new HttpServer(log);
  const running: RunningAdapter[] = [];
  try {
    if (slack) {
      const { startSlack } = await import('./adapters/slack/start-slack.js');
      running.push(await startSlack({ config: slack, server, log }));
    }
    if (discord) {
      const { startDiscord } = await import('./adapters/discord/start-discord.js');
      running.push(await startDiscord({ config: discord, server, log }));
    }
  } catch (err) {
    // e.g. a token Slack refuses: say which and what to do, without a stack trace.
    process.stderr.write(`vpcdiag: could not start: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const port = await server.listen(common.PORT);
  log.info('vpcdiag started', { port, adapters: running.map((r) => r.name) });

  const stop = async () => {
    log.info('shutting down');
    await Promise.allSettled(running.map((r) => r.stop()));
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.on('unhandledRejection', (err) => log.error('unhandled rejection', { err }));
}

await start(process.env);
