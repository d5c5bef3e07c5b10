// Collects the YAML files named on the command line (files as given, directories recursively).
import fs from 'node:fs';
import path from 'node:path';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Collected {
  readonly files: string[];
  readonly missing: string[];
}

export function collectFiles(paths: readonly string[]): Collected {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
      } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        files.push(full);
      }
    }
  };
  for (const p of paths) {
    const full = path.resolve(p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      missing.push(p);
      continue;
    }
    // A file named explicitly is checked whatever its extension; directories contribute *.yaml/*.yml.
    if (stat.isDirectory()) walk(full);
    else files.push(full);
  }
  return { files: [...new Set(files)], missing };
}
