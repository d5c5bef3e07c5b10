#!/usr/bin/env node
// Checks the layer rules of ARCHITECTURE.md by scanning imports, and that no test is focused or skipped.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE_BUILTINS = /^(node:)?(fs|path|os|child_process|url|util|net|http|https|crypto|stream|events|worker_threads|process|readline|zlib|assert)(\/.*)?$/;

/** Each rule: files it applies to, and a test that returns why an import is forbidden (or nothing). */
const RULES = [
  {
    files: /^server\/src\/core\//,
    forbid: (spec, from) => {
      if (NODE_BUILTINS.test(spec)) return 'the language core does no IO: no node built-ins';
      if (/^vscode/.test(spec)) return 'the language core knows nothing of LSP or VS Code';
      const target = resolveRelative(from, spec);
      if (target && !target.startsWith('server/src/core/') && !target.startsWith('schemas/') && !target.startsWith('common/')) return `the core may import only core/, schemas/ and common/ (not ${target})`;
      return undefined;
    },
  },
  {
    files: /^server\/src\/(lsp|cli)\//,
    forbid: (spec, from) => {
      if (spec === 'vscode' || /^vscode-languageclient/.test(spec)) return 'the server never imports the VS Code client side';
      const target = resolveRelative(from, spec);
      if (target?.startsWith('server/src/core/') && !/^server\/src\/core\/(analysis|types)$/.test(target)) return `only the façade (core/analysis, core/types) may be imported outside the core (not ${target})`;
      if (from.startsWith('server/src/cli/') && target?.startsWith('server/src/lsp/')) return 'the CLI does not use the LSP adapter';
      if (from.startsWith('server/src/cli/') && /^vscode-languageserver/.test(spec)) return 'the CLI does not use LSP';
      return undefined;
    },
  },
  {
    files: /^client\//,
    forbid: (spec, from) => {
      if (/^vscode-languageserver($|\/)/.test(spec)) return 'the client talks to the server over LSP only';
      const target = resolveRelative(from, spec);
      if (target?.startsWith('server/')) return 'the client never imports server code';
      return undefined;
    },
  },
  {
    files: /^client\/(webview|shared)\//,
    forbid: (spec, from) => {
      if (/^vscode/.test(spec)) return 'the webview is a web page: it talks to the extension through messages, not the vscode API';
      if (NODE_BUILTINS.test(spec)) return 'the webview runs in a browser: no node built-ins';
      const target = resolveRelative(from, spec);
      if (target && !/^(client\/(webview|shared)|common)\//.test(target)) return `the webview may import only client/webview/, client/shared/ and common/ (not ${target})`;
      return undefined;
    },
  },
  {
    files: /^client\/src\/istioctl\//,
    forbid: (spec) => (/^vscode($|\/)/.test(spec) ? 'client/src/istioctl/ is plain Node (unit-tested without VS Code): no vscode import' : undefined),
  },
  {
    files: /^common\//,
    forbid: (spec) => (spec.startsWith('.') && !spec.startsWith('./') ? 'common/ holds types and constants only; it imports nothing' : undefined),
  },
];

function resolveRelative(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)).replace(/\.(ts|js|json)$/, (m) => (m === '.json' ? m : ''));
}

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['node_modules', 'fixtures', 'e2e-host', '.artifacts'].includes(entry.name)) walk(rel, out);
    } else if (/\.(ts|mts|mjs|js)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const problems = [];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
for (const file of [...walk('server/src'), ...walk('client/src'), ...walk('client/webview'), ...walk('client/shared'), ...walk('common')]) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    for (const rule of RULES) {
      if (!rule.files.test(file)) continue;
      const why = rule.forbid(spec, file);
      if (why) problems.push(`${file}: imports '${spec}': ${why} (see ARCHITECTURE.md, "Code Map")`);
    }
  }
}
const FOCUSED = /\b(it|test|describe|suite)\.(only|skip)\s*\(/;
for (const file of walk('test')) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  text.split('\n').forEach((line, i) => {
    if (FOCUSED.test(line)) problems.push(`${file}:${i + 1}: focused or skipped test; every test runs on main`);
  });
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('layer boundaries and test focus: ok');
