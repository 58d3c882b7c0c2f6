import { main } from './main.js';

// The `vpcdiag` command's entry point.
process.exitCode = await main(process.argv);
