import { z } from 'zod';
import { SlackUserProblem } from './slack-user-problem.js';

/** The fields of a Slack file object that vpcdiag reads (message payloads and files.info). */
export const slackFileSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  title: z.string().optional(),
  size: z.number().optional(),
  mimetype: z.string().optional(),
  filetype: z.string().optional(),
  mode: z.string().optional(),
  url_private: z.string().optional(),
  url_private_download: z.string().optional(),
  file_access: z.string().optional(),
});

export type SlackFile = z.infer<typeof slackFileSchema>;

/** Files in a message payload; anything that is not a file object is left out. */
export function filesOf(message: unknown): SlackFile[] {
  const files = (message as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return [];
  return files.flatMap((f) => {
    const r = slackFileSchema.safeParse(f);
    return r.success ? [r.data] : [];
  });
}

const TEXT_NAME = /\.(log|txt|gz|csv|tsv)$/i;

/** Log files, text files, gzip files and Slack text snippets can be diagnosed; images and PDFs not. */
export function isDiagnosable(f: SlackFile): boolean {
  if (f.name && TEXT_NAME.test(f.name)) return true;
  if (f.mode === 'snippet') return true;
  if (f.filetype && ['text', 'gzip', 'csv', 'tsv'].includes(f.filetype)) return true;
  return Boolean(f.mimetype && (/^text\/plain/.test(f.mimetype) || /gzip/.test(f.mimetype)));
}

export function fileLabel(f: SlackFile): string {
  return f.name || f.title || f.id;
}

export interface DownloadOptions {
  /** the bot token; it is only ever sent to Slack's own hosts (and SLACK_API_URL's, for tests) */
  token: string;
  /** origins besides https://*.slack.com that may receive the token */
  trustedOrigins: readonly string[];
  maxBytes: number;
  fetch?: typeof fetch;
}

/**
 * Downloads a file's bytes with the bot token (files:read), refusing more than `maxBytes`. Redirects
 * are followed by hand so the token never goes to a host that is not Slack's.
 */
export async function downloadSlackFile(f: SlackFile, options: DownloadOptions): Promise<Buffer> {
  const fetchFn = options.fetch ?? fetch;
  let url = f.url_private_download ?? f.url_private;
  if (!url) throw new SlackUserProblem(`Slack gave no download link for ${fileLabel(f)}.`);
  for (let hop = 0; hop < 4; hop++) {
    const trusted = isTrusted(url, options.trustedOrigins);
    const res = await fetchFn(url, {
      redirect: 'manual',
      headers: trusted ? { authorization: `Bearer ${options.token}` } : {},
      signal: AbortSignal.timeout(30_000),
    });
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      url = new URL(res.headers.get('location')!, url).toString();
      await res.body?.cancel();
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new SlackUserProblem(
        `Slack refused to hand over ${fileLabel(f)} (HTTP ${res.status}). If the app was installed before files:read was added, reinstall it from the manifest.`,
      );
    }
    if (/text\/html/i.test(res.headers.get('content-type') ?? '')) {
      await res.body?.cancel();
      // Without files:read Slack answers with its sign-in page instead of the file.
      throw new SlackUserProblem(
        `Slack sent a sign-in page instead of ${fileLabel(f)}: the app probably lacks the files:read scope. Reinstall it from commands/slack-manifest.yaml.`,
      );
    }
    return readCapped(res, options.maxBytes, fileLabel(f));
  }
  throw new SlackUserProblem(`Downloading ${fileLabel(f)} was redirected too many times.`);
}

function isTrusted(url: string, trustedOrigins: readonly string[]): boolean {
  const u = new URL(url);
  if (u.protocol === 'https:' && (u.hostname === 'slack.com' || u.hostname.endsWith('.slack.com')))
    return true;
  return trustedOrigins.includes(u.origin);
}

async function readCapped(res: Response, maxBytes: number, label: string): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw tooBig(label, declared, maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  if (!res.body) return Buffer.alloc(0);
  // Leaving the loop early cancels the download.
  for await (const chunk of res.body) {
    total += chunk.length;
    if (total > maxBytes) break;
    chunks.push(Buffer.from(chunk));
  }
  if (total > maxBytes) throw tooBig(label, total, maxBytes);
  return Buffer.concat(chunks);
}

export function tooBig(label: string, size: number, maxBytes: number): SlackUserProblem {
  const over = size > maxBytes ? `${formatBytes(size)}, ` : '';
  return new SlackUserProblem(
    `${label} is too large to read here (${over}the limit is ${formatBytes(maxBytes)}). Run the vpcdiag CLI on it (\`vpcdiag diagnose ${label}\`), or post the lines around the problem.`,
  );
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
