// `istioctl validate -f FILE...` (istioctl/pkg/validate): everything goes to stderr.
//   "FILE" is valid
//   "FILE" has warnings: \n\t* Kind/ns/name: warning\n
//   Error: N errors occurred:\n\t* Kind/ns/name: error\n\t* cannot stat file "FILE": ...\n\n
// (Kind/ns/name with an empty ns for an object that names none.)
import type { ValidateError, ValidateOutput, ValidateWarning } from '../types';
import { GO_QUOTED, unquoteGo } from './go-quote';

const IS_VALID = new RegExp(`^"${GO_QUOTED}" is valid$`);
const HAS_WARNINGS = new RegExp(`^"${GO_QUOTED}" has warnings: ?(.*)$`);

export function parseValidate(result: { readonly exitCode: number | null; readonly stdout: string; readonly stderr: string }): ValidateOutput | undefined {
  const lines = `${result.stderr}\n${result.stdout}`.split(/\r?\n/);
  const errors: ValidateError[] = [];
  const warnings: ValidateWarning[] = [];
  const validFiles: string[] = [];
  let recognised = false;

  const bulletsInto = (target: (ValidateError | ValidateWarning)[], file?: string) => ({
    add: (bullet: string) => target.push({ ...parseSubject(bullet), ...(file !== undefined ? { file } : {}) } as ValidateWarning),
    last: () => target[target.length - 1],
    extend: (text: string) => {
      const last = target[target.length - 1];
      if (last) target[target.length - 1] = { ...last, message: `${last.message}\n${text}` };
    },
  });
  /** Where the bullets that follow belong. */
  let list: ReturnType<typeof bulletsInto> | undefined;

  for (const line of lines) {
    let m: RegExpExecArray | null;
    if ((m = IS_VALID.exec(line))) {
      validFiles.push(unquoteGo(m[1]));
      recognised = true;
      list = undefined;
    } else if (line === 'validation succeed') {
      // stdin (`-f -`) without warnings.
      validFiles.push('-');
      recognised = true;
      list = undefined;
    } else if ((m = HAS_WARNINGS.exec(line))) {
      recognised = true;
      list = bulletsInto(warnings, unquoteGo(m[1]));
      // A single warning is printed on the same line.
      if (m[2] && !/^\s*$/.test(m[2])) list.add(m[2].replace(/^\* /, ''));
    } else if ((m = /^Error: \d+ errors? occurred:\s*$/.exec(line))) {
      recognised = true;
      list = bulletsInto(errors);
    } else if ((m = /^Error: (.+)$/.exec(line))) {
      recognised = true;
      errors.push(parseSubject(m[1]));
      list = undefined;
    } else if (list && (m = /^\t\* (.*)$/.exec(line))) {
      list.add(m[1]);
    } else if (list && line.startsWith('\t') && list.last()) {
      // A message that runs over several lines.
      list.extend(line.trim());
    }
  }
  if (!recognised) return undefined;
  return {
    valid: errors.length === 0 && result.exitCode === 0,
    errors,
    warnings: warnings.map((w) => (w.kind !== undefined ? `${w.kind}/${w.namespace ?? ''}/${w.name ?? ''}: ${w.message}` : w.message)),
    warningDetails: warnings,
    validFiles,
  };
}

/** `Kind/ns/name: message` (ns may be empty); other errors (a file that cannot be read) have no subject. */
function parseSubject(text: string): ValidateError {
  const m = /^([A-Za-z][A-Za-z0-9]*)\/([^/\s]*)\/([^/\s:]*): ([\s\S]*)$/.exec(text);
  if (!m) return { message: text };
  return { kind: m[1], ...(m[2] ? { namespace: m[2] } : {}), ...(m[3] ? { name: m[3] } : {}), message: m[4] };
}
