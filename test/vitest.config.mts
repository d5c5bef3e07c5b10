// Runs the core, server-protocol and client-unit tiers. The summary reporter prints the
// "N passed, N failed" line that CI reads.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts', 'test/conformance/**/*.test.ts', 'test/server/**/*.test.ts', 'test/client/**/*.test.ts', 'test/webview/**/*.test.ts', 'test/istioctl/**/*.test.ts'],
    reporters: ['default', './test/harness/summary-reporter.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'threads',
  },
});
