// The extension manifest agrees with the code: commands, settings, activation and packaging.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { COMMAND_IDS } from '../../common/commands';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('package.json', () => {
  test('contributes exactly the commands of the command table, all in the Istio category', () => {
    const commands = manifest.contributes.commands as { command: string; category: string }[];
    expect(commands.map((c) => c.command).sort()).toEqual([...COMMAND_IDS].sort());
    for (const c of commands) expect(c.category).toBe('Istio');
  });

  test('every setting the server reads is declared', () => {
    const declared = Object.keys(manifest.contributes.configuration.properties);
    for (const key of ['defaultNamespace', 'validation.schema', 'validation.admission', 'analyzers.disabled', 'analyzers.severity', 'references.incompleteWorkspace', 'exclude']) {
      expect(declared).toContain(`istioYaml.${key}`);
    }
  });

  test('targets the VS Code that runs here, and declares its bin and entry points', () => {
    expect(manifest.engines.vscode).toBe('^1.100.0');
    expect(manifest.main).toBe('./dist/client.js');
    expect(manifest.bin['istio-yaml']).toBe('./dist/cli.js');
    expect(manifest.activationEvents).toContain('onLanguage:yaml');
  });

  test('.vscodeignore is an allowlist that ships the bundles and schemas, not sources or tests', () => {
    const lines = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toBe('**');
    expect(lines).toEqual(expect.arrayContaining(['!dist/client.js', '!dist/server.js', '!schemas/*.json', '!LICENSE', '!NOTICE']));
    expect(lines.some((l) => /test|src/.test(l))).toBe(false);
  });
});
