// The benchmark: generates meshes, measures the built server and CLI against the parse floor, and
// writes bench/results/latest.json and latest.md (and prints the table).
//
//   node bench/run.mjs [--sizes 100,1000,5000] [--layouts files,single] [--out bench/results]
//                      [--no-inject] [--keep] [--guard]
//
// --guard: a small mesh (200 services, both layouts, few repetitions) that exits 1 when a metric
// is over twice its budget, when an injected error is not found, or when something times out.
// Without --guard the exit status is 1 only for such correctness problems; budgets are reported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateMesh, writeMesh } from './generate-mesh.mjs';
import { ROOT } from './lsp-driver.mjs';
import { DEBOUNCE_MS, measureCase } from './measure.mjs';
import { evaluate, markdown, problems } from './report.mjs';

function parseArgs(argv) {
  const value = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  const guard = argv.includes('--guard');
  return {
    guard,
    sizes: value('sizes', guard ? '200' : '100,1000,5000').split(',').map(Number),
    layouts: value('layouts', 'files,single').split(','),
    out: path.resolve(value('out', path.join(ROOT, 'bench/results'))),
    injectErrors: !argv.includes('--no-inject'),
    keep: argv.includes('--keep'),
    budgetSize: Number(value('budget-size', guard ? value('sizes', '200').split(',')[0] : '1000')),
  };
}

/** Repetitions per case: enough for a p95 at the budgeted size, fewer where each one is slow. */
function repsFor(services, guard) {
  if (guard) return { completion: 100, hover: 100, completionAfterEdit: 20, edit: 20, floor: 2, cli: 1, startup: 3 };
  if (services > 2000) return { completion: 100, hover: 100, completionAfterEdit: 10, edit: 10, floor: 2, cli: 1, startup: 5 };
  return { completion: 200, hover: 200, completionAfterEdit: 20, edit: 20, floor: 3, cli: services <= 200 ? 3 : 1, startup: 5 };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  for (const l of args.layouts) if (!['files', 'single'].includes(l)) throw new Error(`unknown layout ${l}`);
  if (args.sizes.some((s) => !Number.isInteger(s) || s < 20)) throw new Error('sizes are whole numbers of services, at least 20');
  for (const f of ['dist/server.js', 'dist/cli.js']) if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run node esbuild.mjs first`);

  const started = performance.now();
  const cases = [];
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-yaml-bench-'));
  try {
    for (const services of args.sizes) {
      for (const layout of args.layouts) {
        const log = (s) => console.error(`[${services} ${layout}] ${s}`);
        const mesh = generateMesh({ services, layout, injectErrors: args.injectErrors });
        const dir = path.join(base, `${services}-${layout}`);
        writeMesh(dir, mesh);
        log(`${mesh.stats.files} files, ${mesh.stats.resources} resources, ${(mesh.stats.bytes / 1e6).toFixed(1)} MB in ${dir}`);
        const caseStarted = performance.now();
        const result = await measureCase({ dir, mesh, reps: repsFor(services, args.guard), log });
        result.wallMs = performance.now() - caseStarted;
        result.budgets = evaluate(result);
        result.problems = problems(result);
        cases.push(result);
        if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    if (!args.keep) fs.rmSync(base, { recursive: true, force: true });
    else console.error(`meshes kept in ${base}`);
  }

  const run = {
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '?',
    mode: args.guard ? 'guard' : 'full',
    guard: args.guard,
    injectErrors: args.injectErrors,
    budgetSize: args.budgetSize,
    debounceMs: DEBOUNCE_MS,
    totalMs: performance.now() - started,
    cases,
  };
  const table = markdown(run);
  fs.mkdirSync(args.out, { recursive: true });
  fs.writeFileSync(path.join(args.out, 'latest.json'), `${JSON.stringify(run, null, 2)}\n`);
  fs.writeFileSync(path.join(args.out, 'latest.md'), table);
  console.log(table);

  const failures = cases.flatMap((c) => c.problems.map((p) => `${c.services} ${c.layout}: ${p}`));
  if (args.guard) {
    for (const c of cases.filter((x) => x.services === args.budgetSize)) {
      for (const b of c.budgets) if (b.value === null || b.factor > 2) failures.push(`${c.services} ${c.layout}: ${b.label} (${b.id}) is ${b.value === null ? 'not measured' : `${b.factor.toFixed(2)}× its budget (${b.budget})`}, over the 2× guard`);
    }
  }
  if (failures.length) {
    console.error(`\nbenchmark ${args.guard ? 'guard ' : ''}failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exitCode = 2;
});
