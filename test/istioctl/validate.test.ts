// The real `istioctl validate -f` against our schema and admission checks, file by file, on the
// samples and the schema-error fixtures: which objects does each reject? Prints the agreement table;
// every disagreement must be documented in VALIDATE_DIFFERENCES.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkWithOurCli, type OurFinding } from './differential';
import { istioctlPath, mapLimited, runIstioctl } from './istioctl';

const ROOT = path.resolve(__dirname, '../..');
const SCHEMA_FIXTURES = ['IY001-yaml-syntax-error', 'IY002-unknown-field', 'IY003-invalid-field-value', 'IY004-missing-required-field', 'IY005-cel-rule-violation'];

/** What a whole file is called when it cannot be read as YAML at all. */
const WHOLE_FILE = '(the file)';

/** file (relative) → why the sets of rejected objects differ, and what each side rejects. */
const VALIDATE_DIFFERENCES: Readonly<Record<string, { readonly istioctl: readonly string[]; readonly ours: readonly string[]; readonly reason: string }>> = {
  'samples/mistakes/cross-resource.yaml': {
    istioctl: ['Service shop/cart'],
    ours: [],
    reason: 'istioctl validate rejects a Service whose port has no name; Kubernetes accepts it, and istioctl analyze (IST0118) and we (IY960) report it as information',
  },
  'test/fixtures/analyzers/IY001-yaml-syntax-error/invalid-tabs.yaml': {
    istioctl: [WHOLE_FILE],
    ours: [WHOLE_FILE, 'Gateway fine'],
    reason: 'each `---` document is parsed on its own, so a syntax error in one does not hide the mistakes of the others; istioctl stops at the first',
  },
  'test/fixtures/analyzers/IY001-yaml-syntax-error/valid-helm-template.yaml': {
    istioctl: [WHOLE_FILE],
    ours: [],
    reason: 'a Helm template is skipped, not judged: the rendered chart is what gets applied',
  },
  'test/fixtures/analyzers/IY001-yaml-syntax-error/valid-not-istio.yaml': {
    istioctl: [WHOLE_FILE],
    ours: [],
    reason: 'YAML without any Istio object is not ours to report (a CI workflow, a compose file)',
  },
  'test/fixtures/analyzers/IY002-unknown-field/fix-list-items.yaml': {
    istioctl: ['List '],
    ours: ['VirtualService reviews'],
    reason: 'istioctl validates a `kind: List` as one object: it rejects it for a Service port without a name (information for istioctl analyze and us) and does not look at the VirtualService inside; we check each item',
  },
  'test/fixtures/analyzers/IY002-unknown-field/fix-list-items.fixed.yaml': {
    istioctl: ['List '],
    ours: [],
    reason: 'istioctl validates a `kind: List` as one object and rejects it for a Service port without a name, information for istioctl analyze and us',
  },
  'test/fixtures/analyzers/IY003-invalid-field-value/invalid.yaml': {
    istioctl: ['PeerAuthentication default', 'VirtualService reviews'],
    ours: ['PeerAuthentication default', 'VirtualService exclusive', 'VirtualService reviews'],
    reason: 'a StringMatch with both `exact` and `prefix` breaks the CRD schema, which the API server enforces; istioctl validate parses it into the proto and silently keeps one',
  },
};

function files(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) found.push(full);
    }
  };
  walk(path.join(ROOT, 'samples'));
  for (const fixture of SCHEMA_FIXTURES) walk(path.join(ROOT, 'test/fixtures/analyzers', fixture));
  return found.sort();
}

/** `* VirtualService/bookinfo/reviews: message` → `VirtualService bookinfo/reviews`; a file-level error → WHOLE_FILE. */
async function istioctlRejects(file: string): Promise<string[]> {
  const run = await runIstioctl(['validate', '-f', file]);
  if (run.status === 0) return [];
  const rejected = new Set<string>();
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
    const object = /^\t\* ([A-Za-z]+)\/([^/]*)\/([^:]*): /.exec(line);
    // istioctl writes `Kind//name` for an object without a namespace; resources are `Kind name` then.
    if (object) rejected.add(object[2] ? `${object[1]} ${object[2]}/${object[3]}` : `${object[1]} ${object[3]}`);
    else if (/^\t\* failed to decode file /.test(line)) rejected.add(WHOLE_FILE);
  }
  if (!rejected.size) throw new Error(`istioctl validate failed on ${file} without naming an object:\n${run.stdout}\n${run.stderr}`);
  return [...rejected].sort();
}

/** Objects our per-object checks (syntax, schema, CEL, admission: codes below IY900) report an error on. */
function oursRejects(findings: readonly OurFinding[]): string[] {
  const rejected = new Set<string>();
  for (const f of findings) {
    const severity = (f as { severity?: string }).severity;
    if (severity !== 'error' || !/^IY[0-8]\d\d$/.test(f.code)) continue;
    rejected.add(f.code === 'IY001' || !f.resource ? WHOLE_FILE : f.resource);
  }
  return [...rejected].sort();
}

interface Row {
  readonly file: string;
  readonly istioctl: readonly string[];
  readonly ours: readonly string[];
}

const rows: Row[] = [];

beforeAll(async () => {
  istioctlPath();
  const all = files();
  // As istioctl validate: one file at a time, and objects without a namespace keep none.
  const ours = await mapLimited(all, 2, (file) => checkWithOurCli([file], ['--namespace=']));
  const istioctl = await mapLimited(all, 2, istioctlRejects);
  all.forEach((file, i) => rows.push({ file: path.relative(ROOT, file), istioctl: istioctl[i], ours: oursRejects(ours[i]) }));
  const same = (r: Row) => JSON.stringify(r.istioctl) === JSON.stringify(r.ours);
  const agreeing = rows.filter(same).length;
  console.log(
    [
      `istioctl validate vs our schema and admission checks: ${rows.length} files, ${agreeing} reject the same objects, ${rows.length - agreeing} differ (${rows.filter((r) => !same(r) && VALIDATE_DIFFERENCES[r.file]).length} documented)`,
      ...rows.map((r) => `  ${same(r) ? 'same   ' : 'DIFFERS'}  ${r.file}: istioctl [${r.istioctl.join(', ')}] ours [${r.ours.join(', ')}]`),
    ].join('\n'),
  );
}, 300_000);

describe('istioctl validate vs our checks', () => {
  test('both reject the same objects of each file, or the difference is documented', () => {
    const undocumented = rows.filter((r) => {
      const documented = VALIDATE_DIFFERENCES[r.file];
      if (documented) return JSON.stringify(documented.istioctl) !== JSON.stringify(r.istioctl) || JSON.stringify(documented.ours) !== JSON.stringify(r.ours);
      return JSON.stringify(r.istioctl) !== JSON.stringify(r.ours);
    });
    expect(undocumented).toEqual([]);
  });

  test('every documented difference is about a file the test checks', () => {
    expect(Object.keys(VALIDATE_DIFFERENCES).filter((file) => !rows.some((r) => r.file === file))).toEqual([]);
  });

  test('both reject something: the fixtures hold real mistakes', () => {
    expect(rows.filter((r) => r.istioctl.length).length).toBeGreaterThan(5);
    expect(rows.find((r) => r.file === 'samples/mistakes/typos.yaml')?.istioctl).toEqual(['PeerAuthentication bookinfo/strict-typo', 'VirtualService bookinfo/reviews-typo']);
  });
});
