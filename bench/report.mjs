// Budgets, their evaluation, and the readable report (Markdown) of a benchmark run.
// `node bench/report.mjs bench/results/latest.json` renders the table of a saved run again.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The budgets of the issue, evaluated on one case. `limit` is the value the metric must not exceed;
 * for floor-relative budgets it is computed from the floor measured in the same run.
 */
export const METRICS = [
  {
    id: 'initial',
    label: 'open workspace → all diagnostics',
    value: (c) => c.initial?.ms,
    limit: (c) => 1.5 * c.floor.ms,
    budget: '≤ 1.5× floor',
  },
  {
    id: 'cli',
    label: 'CLI check (wall)',
    value: (c) => c.cli?.ms,
    limit: (c) => 1.5 * c.floor.ms + c.nodeStartupMs,
    budget: '≤ 1.5× floor + node start-up',
  },
  { id: 'completion.p95', label: 'completion p95', value: (c) => c.completion?.p95, limit: () => 10, budget: '≤ 10 ms' },
  { id: 'completion.p50', label: 'completion p50', value: (c) => c.completion?.p50 },
  { id: 'completion.max', label: 'completion max', value: (c) => c.completion?.max },
  { id: 'completion.cold', label: 'completion, first request', value: (c) => c.completion?.coldMs },
  {
    id: 'completionAfterEdit.p95',
    label: 'completion right after an edit p95',
    value: (c) => c.completionAfterEdit?.p95,
    limit: (c) => (c.layout === 'single' ? 50 : undefined),
    budget: '≤ 50 ms (single file)',
  },
  { id: 'completionAfterEdit.max', label: 'completion right after an edit max', value: (c) => c.completionAfterEdit?.max },
  { id: 'hover.p95', label: 'hover p95', value: (c) => c.hover?.p95, limit: () => 5, budget: '≤ 5 ms' },
  { id: 'hover.p50', label: 'hover p50', value: (c) => c.hover?.p50 },
  { id: 'hover.cold', label: 'hover, first request', value: (c) => c.hover?.coldMs },
  {
    id: 'editRepublish.p95',
    label: 'edit → edited + dependents republished p95',
    value: (c) => c.editRepublish?.p95,
    limit: (c) => (c.layout === 'single' ? 250 : 100),
    budget: '≤ 100 ms (files), ≤ 250 ms (single)',
  },
  { id: 'editRepublish.p50', label: 'edit → republished p50', value: (c) => c.editRepublish?.p50 },
  { id: 'editRepublish.editedFile.p95', label: 'edit → edited file republished p95', value: (c) => c.editRepublish?.editedFile?.p95 },
  { id: 'editRepublish.passEnd.p95', label: 'edit → end of the pass p95', value: (c) => c.editRepublish?.passEnd?.p95 },
  { id: 'memory.peakRssMb', label: 'server peak RSS (VmHWM)', unit: 'MB', value: (c) => c.memory?.peakRssMb, limit: () => 300, budget: '≤ 300 MB' },
  { id: 'floor', label: 'parse floor (yaml package, fresh process)', value: (c) => c.floor?.ms },
  { id: 'nodeStartup', label: 'node -e 0 start-up', value: (c) => c.nodeStartupMs },
];

/** Evaluates every budgeted metric of a case: ok, or over (and by how much), or missing. */
export function evaluate(c) {
  const out = [];
  for (const m of METRICS) {
    if (!m.limit) continue;
    const limit = m.limit(c);
    if (limit === undefined || !Number.isFinite(c.floor?.ms)) continue;
    const value = m.value(c);
    if (value === undefined || !Number.isFinite(value)) out.push({ id: m.id, label: m.label, unit: m.unit ?? 'ms', value: null, limit, factor: Infinity, ok: false, budget: m.budget });
    else out.push({ id: m.id, label: m.label, unit: m.unit ?? 'ms', value, limit, factor: value / limit, ok: value <= limit, budget: m.budget });
  }
  return out;
}

/** Correctness of a case: injected errors found by server and CLI, nothing unexpected, no timeouts. */
export function problems(c) {
  const out = [...(c.errors ?? []).filter((e) => !e.startsWith('server stderr'))];
  for (const [who, check] of [['server', c.diagnostics], ['cli', c.cli?.check]]) {
    if (!check) continue;
    for (const m of check.missing) out.push(`${who}: injected ${m.kind} (${m.code}) not reported in ${m.file} (${m.resource})`);
    if (check.unexpected) out.push(`${who}: ${check.unexpected} errors/warnings nobody injected, e.g. ${check.unexpectedSample.map((f) => `${f.code} ${f.file}`).join('; ')}`);
  }
  if (c.editRepublish?.error) out.push(`edit → republish: ${c.editRepublish.error}`);
  return out;
}

const ratioText = (r) => `${r >= 1 ? r.toFixed(2) : r.toPrecision(2)}×`;

const fmt = (v, unit = 'ms') => {
  if (v === undefined || v === null || !Number.isFinite(v)) return '—';
  const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
};

export function markdown(run) {
  const cases = run.cases;
  const lines = [];
  lines.push(`# Istio YAML benchmark`, '');
  lines.push(`${run.startedAt} · node ${run.node} · ${run.cpus} CPUs (${run.cpuModel}) · ${run.mode}${run.injectErrors ? ' · errors injected' : ''} · total ${Math.round(run.totalMs / 1000)} s`, '');
  lines.push(`Budgets are checked at ${run.budgetSize} services${run.guard ? ` against 2× the budget (guard)` : ''}: ✓ within, ✗ over. Times in ms; in brackets the ratio to the parse floor of the same case.`, '');
  const header = ['metric', 'budget', ...cases.map((c) => `${c.services} ${c.layout}`)];
  lines.push(`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`);
  lines.push(`| mesh | | ${cases.map((c) => `${c.mesh.files} files, ${c.mesh.resources.toLocaleString('en-US')} res., ${(c.mesh.bytes / 1e6).toFixed(1)} MB`).join(' | ')} |`);
  for (const m of METRICS) {
    const cells = cases.map((c) => {
      const value = m.value(c);
      if (value === undefined || !Number.isFinite(value)) return '—';
      const ratio = m.unit || m.id === 'floor' ? '' : ` (${ratioText(value / c.floor.ms)})`;
      let mark = '';
      if (m.limit && c.services === run.budgetSize) {
        const limit = m.limit(c);
        if (limit !== undefined) mark = value <= limit * (run.guard ? 2 : 1) ? ' ✓' : ' ✗';
      }
      return `${fmt(value, m.unit ?? 'ms')}${ratio}${mark}`;
    });
    lines.push(`| ${m.label} | ${m.budget ?? ''} | ${cells.join(' | ')} |`);
  }
  lines.push(
    `| injected errors found (server / CLI) | all | ${cases.map((c) => `${c.diagnostics?.found ?? '?'}/${c.diagnostics?.expected ?? '?'} / ${c.cli?.check.found ?? '?'}/${c.cli?.check.expected ?? '?'}`).join(' | ')} |`,
  );
  lines.push(`| unexpected errors+warnings (server / CLI) | 0 | ${cases.map((c) => `${c.diagnostics?.unexpected ?? '?'} / ${c.cli?.check.unexpected ?? '?'}`).join(' | ')} |`);
  lines.push(`| information + hints (server) | | ${cases.map((c) => (c.diagnostics ? c.diagnostics.severities.information + c.diagnostics.severities.hint : '?')).join(' | ')} |`);
  lines.push(`| edit: dependent files / routes | | ${cases.map((c) => (c.editRepublish ? `${c.editRepublish.dependents} / ${c.editRepublish.dependentRoutes ?? '?'}` : '—')).join(' | ')} |`);
  lines.push(`| empty answers: completion / hover / after edit | | ${cases.map((c) => `${c.completion?.empty ?? '?'}/${c.completion?.n ?? '?'} · ${c.hover?.empty ?? '?'}/${c.hover?.n ?? '?'} · ${c.completionAfterEdit?.empty ?? '?'}/${c.completionAfterEdit?.n ?? '?'}`).join(' | ')} |`);
  lines.push('');

  // Linearity: cost per service at each size, per layout.
  const layouts = [...new Set(cases.map((c) => c.layout))];
  const sizes = [...new Set(cases.map((c) => c.services))].sort((a, b) => a - b);
  if (sizes.length > 1) {
    lines.push(
      '## Cost per service',
      '',
      'Total ÷ services at each size, then the marginal cost per added service between consecutive sizes (fixed costs such as start-up and schema compilation cancel out). Linear growth keeps the marginal costs flat; "growth" = last marginal ÷ first marginal (or, with two sizes, per-service cost at the larger ÷ at the smaller).',
      '',
    );
    const perService = [
      ['open workspace → all diagnostics', (c) => c.initial?.ms, 'ms'],
      ['CLI check', (c) => c.cli?.ms, 'ms'],
      ['parse floor', (c) => c.floor?.ms, 'ms'],
      ['edit → republished p50', (c) => c.editRepublish?.p50, 'ms'],
      ['server peak RSS', (c) => c.memory?.peakRssMb, 'MB'],
    ];
    const steps = sizes.slice(1).map((s, i) => [sizes[i], s]);
    const head = ['per service', 'layout', ...sizes.map(String), ...steps.map(([a, b]) => `marginal ${a}→${b}`), 'growth'];
    lines.push(`| ${head.join(' | ')} |`, `|---|---|${[...sizes, ...steps].map(() => '---:').join('|')}|---:|`);
    for (const [label, get, unit] of perService) {
      for (const layout of layouts) {
        const totals = sizes.map((s) => {
          const c = cases.find((x) => x.services === s && x.layout === layout);
          const v = c && get(c);
          return Number.isFinite(v) ? v : undefined;
        });
        const values = totals.map((v, i) => (v === undefined ? undefined : v / sizes[i]));
        const marginal = steps.map((_, i) => (totals[i] === undefined || totals[i + 1] === undefined ? undefined : (totals[i + 1] - totals[i]) / (sizes[i + 1] - sizes[i])));
        const trend = (marginal.length > 1 ? marginal : values).filter((v) => v !== undefined);
        const growth = trend.length > 1 && trend[0] > 0 ? `${(trend[trend.length - 1] / trend[0]).toFixed(2)}×` : '—';
        const cell = (v) => (v === undefined ? '—' : `${Math.abs(v) < 0.1 ? v.toFixed(4) : v.toFixed(2)} ${unit}`);
        lines.push(`| ${label} | ${layout} | ${[...values, ...marginal].map(cell).join(' | ')} | ${growth} |`);
      }
    }
    lines.push('');
  }

  lines.push('## Notes', '');
  lines.push(
    `- The server waits ${run.debounceMs} ms after the last change before it starts a diagnostics pass (diagnostics-scheduler.ts). That wait is inside "open workspace → all diagnostics" and inside every "edit → republished" time: e.g. ${cases
      .filter((c) => c.editRepublish?.p50)
      .map((c) => `${c.services} ${c.layout}: p50 ${fmt(c.editRepublish.p50)} = ${run.debounceMs} ms debounce + ${fmt(c.editRepublish.p50 - run.debounceMs)}`)
      .join('; ')}.`,
  );
  lines.push('- "open workspace" runs from sending `initialized` to the `istioYaml/analysisIdle` that ends the first pass (Node start-up and `initialize` excluded; the JSON has the time from spawn too).');
  lines.push('- "completion right after an edit" runs from sending the didChange to the completion\'s answer; the edit is applied before the completion is served.');
  lines.push('- Peak RSS is VmHWM of the server process at the end of its session (after every measurement).');
  const bad = cases.flatMap((c) => problems(c).map((p) => `${c.services} ${c.layout}: ${p}`));
  if (bad.length) lines.push('', '## Problems', '', ...bad.map((p) => `- ${p}`));
  const over = cases.filter((c) => c.services === run.budgetSize).flatMap((c) => evaluate(c).filter((e) => e.value === null || e.factor > (run.guard ? 2 : 1)).map((e) => `${c.services} ${c.layout}: ${e.label} ${e.value === null ? 'not measured' : `${fmt(e.value, e.unit)} > ${fmt(e.limit, e.unit)} (${e.factor.toFixed(2)}× the budget)`}`));
  lines.push('', `## Budgets ${run.guard ? 'over 2× (guard)' : 'missed'}`, '', ...(over.length ? over.map((o) => `- ${o}`) : ['- none']));
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/report.mjs RESULTS.json');
    process.exit(2);
  }
  process.stdout.write(markdown(JSON.parse(fs.readFileSync(file, 'utf8'))));
}
