// Finds the istioctl to run: the `istioYaml.istioctl.path` setting wins; otherwise the first
// istioctl on PATH. A setting that points nowhere is reported, never silently replaced by PATH:
// the user asked for that binary (often to match the cluster's Istio version).
import fs from 'node:fs';
import path from 'node:path';
import type { Located } from './types';

export const SETTING = 'istioYaml.istioctl.path';
export const INSTALL_URL = 'https://istio.io/latest/docs/setup/getting-started/#download';

export interface LocateEnv {
  readonly PATH?: string;
  readonly PATHEXT?: string;
  readonly HOME?: string;
  /** Windows' home when HOME is not set. */
  readonly USERPROFILE?: string;
}

export function locateIstioctl(configured: string | undefined, env: LocateEnv, platform: NodeJS.Platform, isExecutable: (path: string) => boolean = isExecutableFile): Located {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const setting = configured?.trim();
  if (setting) {
    const home = env.HOME || (platform === 'win32' ? env.USERPROFILE : undefined);
    const tilde = /^~(?=$|[\\/])/.test(setting);
    if (tilde && !home) {
      return { found: false, configured: setting, reason: `${SETTING} starts with "~", but HOME is not set, so it cannot be expanded. Set an absolute path.` };
    }
    const expanded = tilde ? paths.join(home!, setting.slice(1)) : setting;
    if (!paths.isAbsolute(expanded)) {
      return { found: false, configured: setting, reason: `${SETTING} is a relative path ("${setting}"); relative paths are not allowed. Set the absolute path of istioctl, or clear the setting to use istioctl from PATH.` };
    }
    for (const candidate of withExtensions(expanded, env, platform)) {
      if (isExecutable(candidate)) return { found: true, path: candidate, source: 'setting' };
    }
    return { found: false, configured: setting, reason: `${SETTING} is "${setting}", which does not exist or is not an executable file. Fix the setting, or clear it to use istioctl from PATH.` };
  }

  const separator = platform === 'win32' ? ';' : ':';
  for (const dir of (env.PATH ?? '').split(separator)) {
    // An empty PATH entry means the current directory; never run a program from there by accident.
    if (!dir) continue;
    for (const candidate of withExtensions(paths.join(stripQuotes(dir), 'istioctl'), env, platform)) {
      if (isExecutable(candidate)) return { found: true, path: candidate, source: 'PATH' };
    }
  }
  return { found: false, reason: `istioctl was not found on PATH. Set ${SETTING} to its location, or install it: ${INSTALL_URL}` };
}

/** On Windows a program is found by adding each PATHEXT extension (istioctl.exe); elsewhere the name is the file. */
function withExtensions(file: string, env: LocateEnv, platform: NodeJS.Platform): string[] {
  if (platform !== 'win32') return [file];
  const extensions = (env.PATHEXT || '.COM;.EXE;.BAT;.CMD')
    .split(';')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  if (!extensions.includes('.exe')) extensions.push('.exe');
  const hasExtension = extensions.some((e) => file.toLowerCase().endsWith(e));
  return hasExtension ? [file] : [file, ...extensions.map((e) => file + e)];
}

/** Windows PATH entries may be quoted ("C:\Program Files\istio\bin"). */
const stripQuotes = (dir: string) => dir.replace(/^"(.*)"$/, '$1');

/** A regular file we may execute (on Windows: a regular file; execution rights are not checked there). */
export function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
