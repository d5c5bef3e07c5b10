// Parses and type-checks each CEL expression once per process; rules repeat across kinds and versions
// (66 copies of the duration rule), so the cache is keyed by the expression's text.
import type { ParseResult } from '@marcbachmann/cel-js';
import { celEnvironment } from './environment';

export type CompiledExpression =
  | { readonly kind: 'compiled'; readonly program: ParseResult; readonly type: string }
  /** Transition rules compare with the stored object (`oldSelf`), which an editor does not have. */
  | { readonly kind: 'transition' }
  | { readonly kind: 'invalid'; readonly error: string };

const cache = new Map<string, CompiledExpression>();

const OLD_SELF = /\boldSelf\b/;

function compile(text: string): CompiledExpression {
  if (OLD_SELF.test(text)) return { kind: 'transition' };
  try {
    const program = celEnvironment().parse(text);
    // Checking also records the types on the syntax tree, so evaluation does not check again.
    const checked = program.check();
    if (!checked.valid) return { kind: 'invalid', error: firstLine(checked.error?.message) };
    return { kind: 'compiled', program, type: checked.type ?? 'dyn' };
  } catch (error) {
    return { kind: 'invalid', error: firstLine(error instanceof Error ? error.message : String(error)) };
  }
}

function firstLine(message: string | undefined): string {
  return (message ?? 'invalid expression').split('\n')[0];
}

export function compileExpression(text: string): CompiledExpression {
  let compiled = cache.get(text);
  if (!compiled) {
    compiled = compile(text);
    cache.set(text, compiled);
  }
  return compiled;
}

/** A rule's expression: compiled, and of type bool (or dyn, decided at run time). */
export function compileRule(text: string): CompiledExpression {
  const compiled = compileExpression(text);
  if (compiled.kind === 'compiled' && compiled.type !== 'bool' && compiled.type !== 'dyn') {
    return { kind: 'invalid', error: `rule must evaluate to bool, not ${compiled.type}` };
  }
  return compiled;
}
