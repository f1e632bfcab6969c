import type { Reporter, TestModule } from 'vitest/node';
import type { SerializedError } from 'vitest';

/**
 * Prints one closing line `N passed, N failed, N skipped` that any CI log reader understands. A test file that fails
 * to load (no tests collected) and an unhandled error each count as one failure, so a broken import is never read as
 * "0 failed".
 */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const testModule of testModules) {
      if (testModule.errors().length > 0) failed++;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
