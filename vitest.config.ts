import { defineConfig } from 'vitest/config';

// CI asks for a JSON report beside the usual output (see .ci/run) through VPCDIAG_TEST_REPORT.
const report = process.env.VPCDIAG_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
