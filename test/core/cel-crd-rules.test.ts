// Every CEL rule of every generated schema must compile in our Kubernetes CEL environment; a rule that
// does not would silently never be checked. Transition rules (oldSelf) are skipped by design.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { compileExpression, compileRule } from '../../server/src/core/schema/cel/compile';

const SCHEMAS = path.resolve(__dirname, '../../schemas');

interface FoundRule {
  readonly file: string;
  readonly pointer: string;
  readonly rule: string;
  readonly messageExpression?: string;
}

function collect(node: unknown, file: string, pointer: string, out: FoundRule[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => collect(child, file, `${pointer}/${i}`, out));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  const rules = record['x-kubernetes-validations'];
  if (Array.isArray(rules)) {
    for (const r of rules as { rule: string; messageExpression?: string }[]) out.push({ file, pointer, rule: r.rule, messageExpression: r.messageExpression });
  }
  for (const [key, child] of Object.entries(record)) if (key !== 'x-kubernetes-validations') collect(child, file, `${pointer}/${key}`, out);
}

function allRules(): FoundRule[] {
  const out: FoundRule[] = [];
  for (const file of fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.json')).sort()) {
    collect(JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')), file, '', out);
  }
  return out;
}

test('every CRD rule compiles to a bool expression', () => {
  const rules = allRules();
  // The generated schemas carry one copy of each served version's rules; guard against finding none.
  expect(rules.length).toBeGreaterThan(100);
  const failures: string[] = [];
  for (const r of rules) {
    const compiled = compileRule(r.rule);
    if (compiled.kind === 'invalid') failures.push(`${r.file}#${r.pointer}: ${JSON.stringify(r.rule)}: ${compiled.error}`);
    if (r.messageExpression !== undefined) {
      const message = compileExpression(r.messageExpression);
      if (message.kind === 'invalid') failures.push(`${r.file}#${r.pointer}: messageExpression ${JSON.stringify(r.messageExpression)}: ${message.error}`);
    }
  }
  expect(failures, `rules that do not compile:\n${failures.join('\n')}`).toEqual([]);
});
