// Bundles the CLI into dist/cli.mjs, its topology reader into dist/chunks/ and its reading thread into
// dist/view-worker.js with esbuild; `node scripts/bundle.mjs DIR` writes them to DIR instead (tests).
// A bundle loads in a fraction of the time Node takes to resolve, read and compile the ~300 modules
// of the tsc output one by one: about 0.15-0.2 s of every `vpcdiag` run on this machine.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const out = process.argv[2] ?? 'dist';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  // CommonJS dependencies bundled into an ES module still call require() for Node built-ins
  banner: {
    js: "import { createRequire as __vpcdiagRequire } from 'node:module';\nconst require = __vpcdiagRequire(import.meta.url);",
  },
};

// chunk names carry a content hash: clear the last build's, or they pile up
rmSync(join(out, 'chunks'), { recursive: true, force: true });
// The topology reader (with YAML and zod, ~80% of the code) is a chunk of its own, loaded only for an
// input with non-record text: a flow log's diagnosis does not compile it at start-up (~50 ms).
await build({
  ...common,
  entryPoints: { cli: 'src/adapters/cli/main.ts' },
  outdir: out,
  splitting: true,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
});
// the reading thread is started from dist/cli.mjs as ./view-worker.js, beside it
await build({
  ...common,
  entryPoints: ['src/adapters/cli/view-worker.ts'],
  outfile: join(out, 'view-worker.js'),
});
