#!/usr/bin/env node
// The installed `vpcdiag` command: runs the compiled CLI (built by `npm run build`, which `npm ci` runs).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/adapters/cli/run.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write(
    'vpcdiag: not built yet. Run `npm ci` (or `npm run build`) in the vpcdiag folder first.\n',
  );
  process.exit(4);
}
await import(compiled.href);
