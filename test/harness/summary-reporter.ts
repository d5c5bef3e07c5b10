// Prints one "N passed, N failed" line at the end of a vitest run (the closing line CI counts), after
// any report a test left in its meta (the conformance test's "conformance: N/104 cases pass" and its
// failing cases), which would otherwise be lost among the test output.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const reports: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
        const { conformance } = test.meta() as { conformance?: unknown };
        if (typeof conformance === 'string') reports.push(conformance.trimEnd());
      }
    }
    for (const report of reports) console.log(`\n${report}`);
    console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
