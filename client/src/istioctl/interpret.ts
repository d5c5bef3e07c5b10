// From a finished run to what the editor shows: the parsed answer, or a Failure. One rule for every
// command: a process that did not start, timed out or was cancelled failed; output that parses is
// the answer whatever the exit code (analyze's 79 means "found issues", validate's 1 "found
// errors"); otherwise a non-zero exit is classified, and a zero exit with unreadable output is
// 'unparsable'.
import { classifyFailure } from './failure';
import { parseAnalyzeOutput } from './output/analyze';
import { parseDescribe } from './output/describe';
import { prettyProxyConfig } from './output/proxy-config';
import { parseProxyStatus } from './output/proxy-status';
import { parseValidate } from './output/validate';
import { parseVersion } from './output/version';
import type { AnalyzeOutput, DescribedResource, Failure, KubeTarget, ProxyStatusRow, RunResult, ValidateOutput, VersionInfo } from './types';

export type Outcome<T> = { readonly ok: true; readonly value: T; readonly result: RunResult } | { readonly ok: false; readonly failure: Failure; readonly result: RunResult };

export interface InterpretContext {
  readonly timeoutMs: number;
  /** For cluster commands (failures then name the context and kubeconfig). */
  readonly target?: KubeTarget;
  /** Overrides the subcommand named in messages. */
  readonly what?: string;
}

export interface DescribeValue {
  readonly text: string;
  readonly resources: DescribedResource[];
}

export function interpretAnalyze(result: RunResult, ctx: InterpretContext): Outcome<AnalyzeOutput> {
  return interpret(result, ctx, 'analyze', 'a JSON list of messages', () => parseAnalyzeOutput(result.stdout, result.stderr));
}

export function interpretValidate(result: RunResult, ctx: InterpretContext): Outcome<ValidateOutput> {
  return interpret(result, ctx, 'validate', '"is valid" or a list of errors', () => parseValidate(result));
}

export function interpretVersion(result: RunResult, ctx: InterpretContext): Outcome<VersionInfo> {
  return interpret(result, ctx, 'version', 'version JSON', () => parseVersion(result.stdout));
}

export function interpretProxyStatus(result: RunResult, ctx: InterpretContext & { readonly now?: Date }): Outcome<ProxyStatusRow[]> {
  return interpret(result, ctx, 'proxy-status', 'proxy-status JSON or table', () => parseProxyStatus(result.stdout, ctx.now));
}

export function interpretProxyConfig(result: RunResult, ctx: InterpretContext): Outcome<string> {
  return interpret(result, ctx, 'proxy-config', 'Envoy configuration JSON', () => prettyProxyConfig(result.stdout));
}

export function interpretDescribe(result: RunResult, ctx: InterpretContext): Outcome<DescribeValue> {
  // describe always starts with the pod (`Pod: name`), possibly after a UID warning.
  return interpret(result, ctx, 'x describe pod', 'a pod description', () => (/^Pod: \S/m.test(result.stdout) ? { text: result.stdout, resources: parseDescribe(result.stdout) } : undefined));
}

function interpret<T>(result: RunResult, ctx: InterpretContext, what: string, expected: string, parse: () => T | undefined): Outcome<T> {
  const failureCtx = { timeoutMs: ctx.timeoutMs, ...(ctx.target ? { target: ctx.target } : {}), what: ctx.what ?? what };
  if (result.spawnError || result.timedOut || result.cancelled) return { ok: false, failure: classifyFailure(result, failureCtx), result };
  let value: T | undefined;
  try {
    value = parse();
  } catch {
    // A parser bug must not take the command down; the output is then unreadable to us.
    value = undefined;
  }
  if (value !== undefined) return { ok: true, value, result };
  if (result.exitCode !== 0) return { ok: false, failure: classifyFailure(result, failureCtx), result };
  const raw = [result.stdout.trim(), result.stderr.trim()].filter(Boolean).join('\n');
  return {
    ok: false,
    failure: {
      kind: 'unparsable',
      message: `The output of istioctl ${ctx.what ?? what} could not be read (expected ${expected}). This istioctl may be of a version whose output this extension does not know; its output is in the istioctl output channel.`,
      ...(raw ? { detail: raw } : {}),
    },
    result,
  };
}
