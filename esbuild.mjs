// The one build script: bundles the VS Code client, the language server and the CLI into dist/.
// Usage: node esbuild.mjs [--production] [--watch]
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the form VS Code's esbuild problem matcher understands, for the watch task. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // vscode-languageserver's UMD bundles pick their entry through `main`; prefer it over `module`.
  mainFields: ['main', 'module'],
  plugins: watch ? [problemMatcher] : [],
};

const builds = [
  // The extension; vscode-languageclient is bundled apart (dist/language-client.js) and required when the
  // server starts, after activation, so activation compiles and runs only the extension's own wiring.
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode', './language-client'] },
  { ...common, entryPoints: ['client/src/language-client.ts'], outfile: 'dist/language-client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The routing preview's page: browser code, loaded by the webview under a CSP that allows only this script and style.
  {
    ...common,
    entryPoints: [{ in: 'client/webview/main.ts', out: 'webview' }, { in: 'client/webview/webview.css', out: 'webview' }],
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: ['chrome120'],
    mainFields: ['browser', 'module', 'main'],
  },
];

/** Writes the licenses of every npm package bundled into dist/ (they ship inside the .vsix). */
function writeThirdPartyNotices(metafiles) {
  const packages = new Map();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) packages.set(match[1], path.join('node_modules', match[1]));
    }
  }
  const sections = [...packages.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, dir]) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const licenseFile = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = licenseFile ? fs.readFileSync(path.join(dir, licenseFile), 'utf8').trim() : `License: ${manifest.license}`;
    return `${name} ${manifest.version} (${manifest.license})\n\n${text}\n`;
  });
  const header = 'Istio YAML bundles the following npm packages into dist/client.js, dist/language-client.js, dist/server.js, dist/cli.js and dist/webview.js.\n';
  fs.writeFileSync('dist/THIRD-PARTY-NOTICES.txt', [header, ...sections].join(`\n${'-'.repeat(72)}\n\n`));
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build({ ...b, metafile: true })));
  writeThirdPartyNotices(results.map((r) => r.metafile));
}
