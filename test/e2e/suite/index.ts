// The extension-tests entry point VS Code loads (extensionTestsPath): runs every bundled *.test.js with mocha (tdd ui).
// Prints `N passed, N failed` as its last line, or writes it to $ISTIO_YAML_E2E_RESULTS for run-in-editor.mjs to print.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, slow: 5_000 });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const failedTitles: string[] = [];
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      const summary = `${passed} passed, ${failures} failed`;
      const resultsFile = process.env.ISTIO_YAML_E2E_RESULTS;
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed: failures, failedTitles }));
      else console.log(summary);
      if (failures > 0) reject(new Error(`${failures} in-editor test(s) failed`));
      else resolve();
    });
    runner.on('fail', (test) => failedTitles.push(test.fullTitle()));
  });
}
