// The server's only file-system access: finds YAML files in the workspace folders and reads them.
import fs from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';

/** Directories that never hold configuration worth indexing. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);
/** Larger files are not indexed unless opened (they are rarely hand-written configuration). */
export const MAX_INDEXED_FILE_BYTES = 50 * 1024 * 1024;

export function isYamlPath(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

/** Converts a glob (`**`, `*`, `?`, `{a,b}`) relative to a folder into a regular expression. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Lists YAML files under a folder, skipping hidden and excluded directories. */
export function findYamlFiles(folder: string, exclude: readonly RegExp[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(folder, full).split(path.sep).join('/');
      if (exclude.some((re) => re.test(relative))) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !(entry.name.startsWith('.') && entry.name !== '.github')) walk(full);
      } else if (entry.isFile() && isYamlPath(entry.name)) {
        out.push(full);
      }
    }
  };
  walk(folder);
  return out;
}

/** Reads a file as text, or undefined when it is unreadable or too large to index. */
export function readTextFile(file: string): string | undefined {
  try {
    if (fs.statSync(file).size > MAX_INDEXED_FILE_BYTES) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function uriToPath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

export function pathToUri(file: string): string {
  return URI.file(file).toString();
}
