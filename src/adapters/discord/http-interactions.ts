import type { IncomingMessage } from 'node:http';
import type { Logger } from '../../log/logger.js';
import type { RouteHandler } from '../http/http-server.js';
import type { InteractionDispatcher } from './interaction-dispatcher.js';
import { INTERACTION_TYPE } from './read-interaction.js';
import type { SendInitial } from './rest-responder.js';
import { discordPublicKey, verifyDiscordSignature } from './verify-signature.js';

export interface InteractionsRouteOptions {
  /** the application's Public Key, hex */
  publicKey: string;
  dispatcher: InteractionDispatcher;
  log: Logger;
  /** Discord wants the first response within 3 s; past this the endpoint defers on the handler's behalf */
  deadlineMs?: number;
  maxBodyBytes?: number;
}

/**
 * `POST /discord/interactions`: verifies Discord's Ed25519 signature (401 when it does not hold),
 * answers PING with PONG, and hands everything else to the shared handlers, writing their first
 * response (a deferral, a modal, a short reply) as the HTTP response.
 */
export function createInteractionsRoute(options: InteractionsRouteOptions): RouteHandler {
  const key = discordPublicKey(options.publicKey);
  const deadlineMs = options.deadlineMs ?? 2500;
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const { log, dispatcher } = options;

  return async (req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('use POST');
      return;
    }
    const body = await readBody(req, maxBody);
    if (body === undefined) {
      res.writeHead(413, { 'content-type': 'text/plain' }).end('request body too large');
      return;
    }
    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    if (!verifyDiscordSignature(key, timestamp, body, signature)) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('invalid request signature');
      return;
    }
    let payload: { type?: unknown; id?: unknown };
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('body is not JSON');
      return;
    }
    if (payload.type === INTERACTION_TYPE.ping) {
      json(res, { type: 1 });
      return;
    }

    let answered = false;
    const answer = (response: unknown): boolean => {
      if (answered) return false;
      answered = true;
      json(res, response);
      return true;
    };
    const timer = setTimeout(() => {
      if (answer({ type: 5, data: { flags: 1 << 6 } })) {
        log.warn('discord: the handler was slow; deferred on its behalf', {
          interaction: String(payload.id),
        });
      }
    }, deadlineMs);
    const sendInitial: SendInitial = async (initial) => {
      if (!answer(initial)) return 'late';
      clearTimeout(timer);
      return 'sent';
    };
    void dispatcher
      .dispatch(payload, () => sendInitial)
      .finally(() => {
        clearTimeout(timer);
        if (!answered) {
          answer({
            type: 4,
            data: { content: 'Sorry, that did not work.', flags: 1 << 6, allowed_mentions: { parse: [] } },
          });
        }
      });
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function json(res: import('node:http').ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The raw body (the signature covers its exact bytes), or undefined past `max` bytes. */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
