// The CLI as CI pipelines use it: exit codes, the JSON contract, SARIF, text output.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  expect(fs.existsSync(CLI), 'build first: npm run build').toBe(true);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-yaml-cli-'));
  fs.mkdirSync(path.join(dir, 'mesh/nested'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'mesh/clean.yaml'), 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: edge}\nspec:\n  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [shop.example.com]\n');
  fs.writeFileSync(path.join(dir, 'mesh/nested/bad.yml'), 'apiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata: {name: reviews}\nspec:\n  host: reviews\n  subsetz: []\n');
  fs.writeFileSync(path.join(dir, 'mesh/notes.txt'), 'not yaml');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('istio-yaml check', () => {
  test('exit 0 when clean, with a summary line', () => {
    const r = cli('check', 'mesh/clean.yaml');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No problems found');
  });

  test('exit 1 with an error; directories are searched for .yaml and .yml', () => {
    const r = cli('check', 'mesh');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/mesh\/nested\/bad\.yml:6:3: error \[IY002\/IST0106\] unknown field 'subsetz'; did you mean 'subsets'\? \(DestinationRule default\/reviews\)/);
  });

  test('--format json keeps the contract', () => {
    const r = cli('check', '--format', 'json', '--namespace', 'prod', 'mesh');
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout);
    expect(findings).toEqual([
      {
        file: path.join(dir, 'mesh/nested/bad.yml'),
        range: { start: { line: 0, character: 12 }, end: { line: 0, character: 39 } },
        severity: 'information',
        code: 'IY006',
        message: 'networking.istio.io/v1beta1 is an older version of DestinationRule; use networking.istio.io/v1',
        resource: 'DestinationRule prod/reviews',
        source: 'istio-yaml',
      },
      {
        file: path.join(dir, 'mesh/nested/bad.yml'),
        range: { start: { line: 5, character: 2 }, end: { line: 5, character: 9 } },
        severity: 'error',
        code: 'IY002',
        istioCode: 'IST0106',
        message: "unknown field 'subsetz'; did you mean 'subsets'?",
        resource: 'DestinationRule prod/reviews',
        source: 'istio-yaml',
      },
    ]);
  });

  test('--format sarif writes SARIF 2.1.0 with rules and 1-based regions', () => {
    const r = cli('check', '--format=sarif', 'mesh');
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('istio-yaml');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'IY002');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 6, startColumn: 3, endLine: 6, endColumn: 10 });
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('IY002');
    expect(result.properties.istioCode).toBe('IST0106');
  });

  test('exit 2 on usage errors and missing paths', () => {
    expect(cli('check', '--format', 'xml').status).toBe(2);
    expect(cli('lint').status).toBe(2);
    expect(cli('check', 'does-not-exist').status).toBe(2);
    expect(cli().status).toBe(2);
  });

  test('--list-analyzers and --help', () => {
    expect(cli('--list-analyzers').stdout).toMatch(/IY002\s+unknown-field/);
    expect(cli('--help').stdout).toContain('Usage: istio-yaml check');
  });

  test('disabling analyzers by code', () => {
    const r = cli('check', '--disable', 'IY002,IY006', 'mesh');
    expect(r.status).toBe(0);
  });

  test('--namespace= leaves objects without a namespace without one, as istioctl analyze -A', () => {
    expect(cli('check', 'mesh/nested/bad.yml').stdout).toContain('(DestinationRule default/reviews)');
    expect(cli('check', '--namespace=', 'mesh/nested/bad.yml').stdout).toContain('(DestinationRule reviews)');
    expect(cli('check', 'mesh/nested/bad.yml', '--namespace').status).toBe(2);
  });

  test('--incomplete-workspace information reports references to kinds the files hold none of', () => {
    fs.writeFileSync(path.join(dir, 'route.yaml'), 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: r, namespace: shop}\nspec:\n  hosts: [r]\n  http:\n  - route:\n    - destination: {host: r, subset: v1}\n');
    expect(cli('check', 'route.yaml').stdout).toContain('No problems found');
    const r = cli('check', '--incomplete-workspace', 'information', '--format', 'json', 'route.yaml');
    const findings = JSON.parse(r.stdout) as { code: string; severity: string; message: string }[];
    expect(findings.some((f) => f.severity === 'information' && /subset/.test(f.message))).toBe(true);
    expect(cli('check', '--incomplete-workspace', 'loud', 'route.yaml').status).toBe(2);
  });

  test('--mesh-config reads a MeshConfig file and reports inside it at its own lines', () => {
    fs.writeFileSync(path.join(dir, 'mesh.yaml'), 'defaultConfig:\n  proxyMetadata: {}\nextensionProviders:\n- name: lightstep\n  lightstep:\n    address: collector:8080\n    accessToken: t\n');
    fs.writeFileSync(path.join(dir, 'telemetry.yaml'), 'apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: mesh-default, namespace: istio-system}\nspec:\n  tracing:\n  - providers:\n    - name: lightstep\n');
    const without = JSON.parse(cli("check", "--format", "json", "telemetry.yaml").stdout) as { code: string; istioCode?: string }[];
    const withMesh = JSON.parse(cli('check', '--format', 'json', '--mesh-config', 'mesh.yaml', 'telemetry.yaml').stdout) as { code: string; istioCode?: string }[];
    expect(without.some((f) => f.istioCode === 'IST0002')).toBe(false);
    expect(withMesh.some((f) => f.istioCode === 'IST0002')).toBe(true);
    expect(cli('check', '--mesh-config', 'nope.yaml', 'telemetry.yaml').status).toBe(2);
  });
});
