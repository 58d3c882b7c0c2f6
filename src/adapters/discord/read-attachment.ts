import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { createGunzip } from 'node:zlib';
import { forEachLineIn } from '../../io/for-each-line-in.js';
import type { DiscordAttachment } from './interaction.js';

/** A problem with an attachment, worded for the user who attached it. */
export class AttachmentError extends Error {
  override readonly name = 'AttachmentError';
}

export interface AttachmentLimits {
  /** the largest file downloaded, in bytes (compressed size for .gz) */
  maxBytes: number;
  /** the most text read from one file after decompression, in bytes */
  maxTextBytes: number;
  /** files read from one message */
  maxFiles: number;
  /** time allowed for one download */
  timeoutMs: number;
  /** hosts attachments may be downloaded from (Discord's CDN, and the REST host when it is overridden) */
  allowedHosts: readonly string[];
}

export const DISCORD_CDN_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'] as const;

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxTextBytes: 64 * 1024 * 1024,
  maxFiles: 5,
  timeoutMs: 30_000,
  allowedHosts: DISCORD_CDN_HOSTS,
};

const READABLE = /\.(log|txt|gz)$/i;

/** Only `.log`, `.txt` and `.gz` files are read (S3 delivers flow logs as `.log.gz`). */
export function isReadableName(filename: string): boolean {
  return READABLE.test(filename);
}

/** Why an attachment will not be read, known before downloading it; undefined when it will be. */
export function attachmentProblem(a: DiscordAttachment, limits: AttachmentLimits): string | undefined {
  if (!isReadableName(a.filename)) return `${a.filename} is not a .log, .txt or .gz file`;
  if (a.size > limits.maxBytes) {
    return `${a.filename} is ${mb(a.size)}, more than the ${mb(limits.maxBytes)} I read: gzip it, or paste the lines that matter`;
  }
  return undefined;
}

export interface AttachmentRead {
  lines: number;
  bytes: number;
  gzip: boolean;
}

const GZIP = [0x1f, 0x8b] as const;

/**
 * Downloads an attachment and calls `onLine` for each of its lines (the line is
 * `text.slice(start, end)`), gunzipping when the bytes start with gzip's magic number (whatever the
 * name says). It yields to the event loop as it goes, so other interactions are answered in time. Stops with an AttachmentError when it is too big,
 * compressed or not, too slow, or not from an allowed host.
 */
export async function readAttachmentLines(
  a: DiscordAttachment,
  onLine: (text: string, start: number, end: number) => void,
  limits: AttachmentLimits,
): Promise<AttachmentRead> {
  const problem = attachmentProblem(a, limits);
  if (problem) throw new AttachmentError(problem);
  let url: URL;
  try {
    url = new URL(a.url);
  } catch {
    throw new AttachmentError(`${a.filename} has no usable download address`);
  }
  if (!limits.allowedHosts.includes(url.host) && !limits.allowedHosts.includes(url.hostname)) {
    throw new AttachmentError(`${a.filename} is not stored on Discord, so I did not download it`);
  }

  const abort = new AbortController();
  const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(limits.timeoutMs)]);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal, redirect: 'error' });
    } catch (err) {
      throw new AttachmentError(`could not download ${a.filename} (${downloadFailure(err)})`);
    }
    if (!response.ok || !response.body) {
      throw new AttachmentError(
        `could not download ${a.filename} (HTTP ${response.status}); links to attachments expire, so try again`,
      );
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > limits.maxBytes) {
      throw new AttachmentError(attachmentProblem({ ...a, size: declared }, limits) ?? 'too big');
    }
    const raw = limitBytes(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>),
      limits.maxBytes,
      () => attachmentProblem({ ...a, size: limits.maxBytes + 1 }, limits) ?? 'too big',
    );
    const result: AttachmentRead = { lines: 0, bytes: 0, gzip: false };
    const text = decoded(raw, (gzip) => {
      result.gzip = gzip;
    });
    const counted = limitBytes(text, limits.maxTextBytes, () =>
      result.gzip
        ? `${a.filename} decompresses to more than ${mb(limits.maxTextBytes)}, more than I read at once: split it, or keep the lines that matter`
        : `${a.filename} holds more than ${mb(limits.maxTextBytes)} of text`,
    );
    try {
      await forEachLineIn(counted, (text, start, end) => {
        result.lines++;
        onLine(text, start, end);
      });
    } catch (err) {
      if (err instanceof AttachmentError) throw err;
      if (signal.aborted) throw new AttachmentError(`downloading ${a.filename} took too long`);
      throw new AttachmentError(
        result.gzip
          ? `${a.filename} starts like a gzip file but could not be decompressed; is the file complete?`
          : `could not read ${a.filename} (${(err as Error).message})`,
      );
    }
    result.bytes = counted.bytes;
    return result;
  } finally {
    abort.abort();
  }
}

interface CountedStream extends AsyncIterable<Buffer> {
  bytes: number;
}

/** Text handed to the reader between two turns of the event loop (about 2,000 flow-log lines). */
const SLICE = 256 * 1024;

/**
 * Passes chunks through, counting bytes, in slices with a turn of the event loop between them (the
 * reading is CPU-bound; the gateway and the HTTP endpoint must still answer others within 3 s);
 * throws an AttachmentError past `max`.
 */
function limitBytes(source: AsyncIterable<Buffer>, max: number, tooBig: () => string): CountedStream {
  const counted: CountedStream = {
    bytes: 0,
    async *[Symbol.asyncIterator]() {
      for await (const chunk of source) {
        for (let at = 0; at < chunk.length; at += SLICE) {
          const piece = chunk.length <= SLICE ? chunk : chunk.subarray(at, at + SLICE);
          counted.bytes += piece.length;
          if (counted.bytes > max) throw new AttachmentError(tooBig());
          yield piece;
          await yieldToEventLoop();
        }
      }
    },
  };
  return counted;
}

/** The text bytes: the source itself, or its gunzipped content when it starts with gzip's magic bytes. */
async function* decoded(
  source: AsyncIterable<Buffer>,
  onKind: (gzip: boolean) => void,
): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = first.value;
  const gzip = head.length >= 2 && head[0] === GZIP[0] && head[1] === GZIP[1];
  onKind(gzip);
  const rest = (async function* () {
    yield head;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  })();
  if (!gzip) {
    yield* rest;
    return;
  }
  const gunzip = createGunzip();
  const feeding = pipeline(Readable.from(rest), gunzip);
  let failure: unknown;
  feeding.catch((err: unknown) => {
    failure = err;
  });
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (err) {
    throw err instanceof AttachmentError || !(failure instanceof AttachmentError) ? err : failure;
  }
  await feeding.catch(() => undefined);
  if (failure) throw failure;
}

function downloadFailure(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'it took too long';
  return e.cause?.code ?? e.name ?? 'network error';
}

function mb(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const n = bytes / (1024 * 1024);
  return `${n >= 10 ? Math.round(n) : Math.round(n * 10) / 10} MB`;
}
