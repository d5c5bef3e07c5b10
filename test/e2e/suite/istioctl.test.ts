// The istioctl commands in real VS Code: analyze, validate and version against the real istioctl
// (built by scripts/istioctl.sh); its failure paths where a cluster would be needed; and proxy-status,
// proxy-config and describe against the stub on PATH (test/e2e/stub-istioctl), which prints recorded
// outputs in the real tool's format and records its arguments.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { codeOf, openFile, waitForDiagnostics, workspaceFile } from './editor-helpers';

interface Failure {
  kind: string;
  message: string;
}
type Outcome<T> = ({ ok: true } & T) | { ok: false; failure: Failure };
interface TestState {
  tree: { label: string; description: string; icon: string; children: string[] }[];
  message: string;
  statusBar: { text: string; tooltip: string };
  problems: { uri: string; line: number; code: string; message: string; source?: string }[];
}

const config = () => vscode.workspace.getConfiguration('istioYaml');
const state = async () => (await vscode.commands.executeCommand('istioYaml.istioctl.testState')) as TestState;
const istioctlProblems = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'istioctl');

function ok<T>(outcome: Outcome<T>): { ok: true } & T {
  if (!outcome.ok) assert.fail(`the command failed: [${outcome.failure.kind}] ${outcome.failure.message}`);
  return outcome;
}

function failure<T>(outcome: Outcome<T>): Failure {
  assert.strictEqual(outcome.ok, false, 'the command was expected to fail');
  return (outcome as { failure: Failure }).failure;
}

suite('istioctl commands', () => {
  const realIstioctl = process.env.ISTIOCTL;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-yaml-kube-'));
  // A cluster that refuses every connection: what istioctl meets when no cluster is reachable.
  const deadKubeconfig = path.join(scratch, 'dead-kubeconfig');
  fs.writeFileSync(
    deadKubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: dead',
      '  cluster:',
      '    server: https://127.0.0.1:1',
      'contexts:',
      '- name: dead-ctx',
      '  context:',
      '    cluster: dead',
      '    user: u',
      '    namespace: bookinfo',
      'current-context: dead-ctx',
      'users:',
      '- name: u',
      '  user:',
      '    token: not-a-token',
      '',
    ].join('\n'),
  );

  suiteSetup(async () => {
    assert.ok(realIstioctl && fs.existsSync(realIstioctl), `ISTIOCTL must name the real istioctl (got ${realIstioctl})`);
    await config().update('istioctl.path', realIstioctl, vscode.ConfigurationTarget.Global);
    await config().update('kube.kubeconfig', deadKubeconfig, vscode.ConfigurationTarget.Global);
    await config().update('istioctl.timeoutSeconds', 20, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    for (const key of ['istioctl.path', 'kube.kubeconfig', 'istioctl.timeoutSeconds', 'kube.context']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('istioYaml.istioctl.clearProblems');
  });

  test('analyze a file with the real istioctl: its findings go to the istioctl collection, except the one our analyzers already report', async () => {
    const file = workspaceFile('frontend.yaml');
    await openFile('frontend.yaml');
    // Ours: IY901 (the missing Gateway) carries istioctl's code IST0101 on the same VirtualService.
    await waitForDiagnostics(file, (ds) => ds.some((d) => codeOf(d) === 'IY901' && d.message.endsWith('(IST0101)')));
    const outcome = ok((await vscode.commands.executeCommand('istioYaml.istioctl.analyzeFiles')) as Outcome<{ summary: { total: number; shown: number; duplicates: number }; files: number }>);
    assert.deepStrictEqual({ total: outcome.summary.total, shown: outcome.summary.shown, duplicates: outcome.summary.duplicates, files: outcome.files }, { total: 2, shown: 1, duplicates: 1, files: 1 });
    const problems = istioctlProblems(file);
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(codeOf(problems[0]), 'IST0132');
    // istioctl points at line 11 (`- frontend-gateway`); the Problems panel at the same line.
    assert.strictEqual(problems[0].range.start.line, 10);
    assert.match(problems[0].message, /shop\.example\.com/);
    assert.strictEqual(problems[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  test('analyze the workspace with the real istioctl: every YAML file, and files it cannot parse do not stop it', async () => {
    const outcome = ok((await vscode.commands.executeCommand('istioYaml.istioctl.analyzeWorkspace')) as Outcome<{ summary: { total: number; shown: number }; files: number }>);
    const yamlFiles = fs.readdirSync(workspaceFile('.').fsPath).filter((f) => /\.ya?ml$/.test(f));
    assert.strictEqual(outcome.files, yamlFiles.length);
    assert.strictEqual(outcome.summary.total, 2);
    assert.strictEqual(istioctlProblems(workspaceFile('frontend.yaml')).length, 1);
  });

  test('an edit drops the edited file\'s istioctl findings: their lines would be wrong', async () => {
    const editor = await openFile('frontend.yaml');
    assert.strictEqual(istioctlProblems(editor.document.uri).length, 1);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# edited\n'));
    assert.strictEqual(istioctlProblems(editor.document.uri).length, 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('validate the current file with the real istioctl: each error at the object it names', async () => {
    await openFile('policy.yaml');
    const bad = ok((await vscode.commands.executeCommand('istioYaml.istioctl.validateFile')) as Outcome<{ result: { valid: boolean; errors: { kind?: string; name?: string; message: string }[] } }>);
    assert.strictEqual(bad.result.valid, false);
    assert.strictEqual(bad.result.errors.length, 1);
    const problems = istioctlProblems(workspaceFile('policy.yaml'));
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].message, /strict/);
    const doc = await vscode.workspace.openTextDocument(workspaceFile('policy.yaml'));
    assert.match(doc.lineAt(problems[0].range.start.line).text, /name: default/);

    await openFile('ratings-destination-rule.yaml');
    const good = ok((await vscode.commands.executeCommand('istioYaml.istioctl.validateFile')) as Outcome<{ result: { valid: boolean } }>);
    assert.strictEqual(good.result.valid, true);
    assert.strictEqual(istioctlProblems(workspaceFile('ratings-destination-rule.yaml')).length, 0);
  });

  test('version check with the real istioctl: its own version, then a clear message when the control plane does not answer', async () => {
    await config().update('istioctl.timeoutSeconds', 3, vscode.ConfigurationTarget.Global);
    try {
      const f = failure((await vscode.commands.executeCommand('istioYaml.istioctl.checkVersion')) as Outcome<object>);
      assert.strictEqual(f.kind, 'timeout');
      assert.match(f.message, /istioctl 1\.31\.1 works, but the control plane in dead-ctx did not answer within 3 s/);
      // The status bar learned istioctl's version from the quick client-only call.
      const { statusBar } = await state();
      assert.match(statusBar.tooltip, /\(1\.31\.1\)/);
    } finally {
      await config().update('istioctl.timeoutSeconds', 20, vscode.ConfigurationTarget.Global);
    }
  });

  test('analyze the cluster with the real istioctl and no reachable cluster: a no-cluster message naming the context', async () => {
    const f = failure((await vscode.commands.executeCommand('istioYaml.istioctl.analyzeCluster', { namespace: 'bookinfo' })) as Outcome<object>);
    assert.strictEqual(f.kind, 'no-cluster');
    assert.match(f.message, /dead-ctx/);
  });

  test('with no kubeconfig at all, the real istioctl\'s failure becomes a no-kubeconfig message', async () => {
    await config().update('kube.kubeconfig', path.join(scratch, 'does-not-exist'), vscode.ConfigurationTarget.Global);
    try {
      const f = failure((await vscode.commands.executeCommand('istioYaml.istioctl.analyzeCluster', { allNamespaces: true })) as Outcome<object>);
      assert.strictEqual(f.kind, 'no-kubeconfig');
      assert.match(f.message, /does-not-exist/);
    } finally {
      await config().update('kube.kubeconfig', deadKubeconfig, vscode.ConfigurationTarget.Global);
    }
  });

  test('a configured istioctl that does not exist: a message that names it, and nothing is run', async () => {
    await config().update('istioctl.path', path.join(scratch, 'no-istioctl'), vscode.ConfigurationTarget.Global);
    try {
      const f = failure((await vscode.commands.executeCommand('istioYaml.istioctl.analyzeWorkspace')) as Outcome<object>);
      assert.strictEqual(f.kind, 'missing');
      assert.match(f.message, /no-istioctl/);
      const { statusBar } = await state();
      assert.match(statusBar.tooltip, /not found/);
    } finally {
      await config().update('istioctl.path', realIstioctl, vscode.ConfigurationTarget.Global);
    }
  });

  suite('against the stub on PATH (a live cluster cannot run here)', () => {
    const stubDir = process.env.ISTIOCTL_STUB_DIR ?? '';
    const log = path.join(scratch, 'stub-calls.jsonl');
    const originalPath = process.env.PATH;
    const calls = (): string[][] => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { argv: string[] }).argv) : []);

    suiteSetup(async () => {
      assert.ok(fs.existsSync(path.join(stubDir, 'istioctl')), `the stub must exist in ${stubDir}`);
      // No path setting: istioctl is found on PATH, where the stub comes first.
      await config().update('istioctl.path', undefined, vscode.ConfigurationTarget.Global);
      process.env.PATH = `${stubDir}${path.delimiter}${originalPath}`;
      process.env.ISTIOCTL_STUB_LOG = log;
    });

    suiteTeardown(async () => {
      process.env.PATH = originalPath;
      delete process.env.ISTIOCTL_STUB_LOG;
      await config().update('istioctl.path', realIstioctl, vscode.ConfigurationTarget.Global);
    });

    test('proxy status: every proxy with its CDS/LDS/EDS/RDS state in the tree, and a warning when more than 5% are STALE', async () => {
      const outcome = ok((await vscode.commands.executeCommand('istioYaml.istioctl.proxyStatus')) as Outcome<{ summary: { total: number; stale: number; warn: boolean } }>);
      assert.ok(outcome.summary.total >= 5, `${outcome.summary.total} proxies`);
      assert.ok(outcome.summary.stale >= 1 && outcome.summary.warn);
      const { tree, message } = await state();
      assert.strictEqual(tree.length, outcome.summary.total);
      const stale = tree.filter((row) => row.icon === 'warning');
      assert.strictEqual(stale.length, outcome.summary.stale);
      assert.ok(stale.every((row) => row.children.some((c) => c.startsWith('STALE'))));
      assert.ok(tree.some((row) => row.icon === 'pass-filled' && /CDS ✓ {2}LDS ✓ {2}EDS ✓ {2}RDS ✓/.test(row.description)), JSON.stringify(tree[0]));
      assert.match(message, /proxies in dead-ctx: \d+ STALE/);
      const [argv] = calls().filter((a) => a[0] === 'proxy-status');
      assert.deepStrictEqual(argv.slice(0, 3), ['proxy-status', '-o', 'json']);
      assert.ok(argv.includes('--kubeconfig') && argv.includes(deadKubeconfig), argv.join(' '));
    });

    test('proxy config of a pod opens as a JSON document that is not a file and cannot be written back', async () => {
      const outcome = ok((await vscode.commands.executeCommand('istioYaml.istioctl.proxyConfig', { pod: 'reviews-v2-5b7c9f8d6-x4k2p', namespace: 'bookinfo' }, 'clusters')) as Outcome<{ document: string }>);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === outcome.document);
      assert.ok(doc, 'the document is open');
      assert.strictEqual(doc.languageId, 'json');
      assert.ok(Array.isArray(JSON.parse(doc.getText())) || typeof JSON.parse(doc.getText()) === 'object');
      assert.strictEqual(doc.uri.scheme, 'istioctl');
      await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(doc.uri, new TextEncoder().encode('x'))), 'istioctl output cannot be written back');
      const argv = calls().find((a) => a[0] === 'proxy-config');
      assert.deepStrictEqual(argv?.slice(0, 5), ['proxy-config', 'cluster', 'reviews-v2-5b7c9f8d6-x4k2p.bookinfo', '-o', 'json']);
    });

    test('describe pod links what applies to the pod to the workspace files that define it', async () => {
      const outcome = ok((await vscode.commands.executeCommand('istioYaml.istioctl.describePod', { pod: 'reviews-v2-5b7c9f8d6-x4k2p', namespace: 'bookinfo' })) as Outcome<{ document: string; linked: number }>);
      const uri = vscode.Uri.parse(outcome.document);
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.match(doc.getText(), /VirtualService: reviews/);
      assert.match(doc.getText(), /Not in the workspace/);
      const links = (await vscode.commands.executeCommand('vscode.executeLinkProvider', uri)) as vscode.DocumentLink[];
      const targets = links.map((l) => `${doc.getText(l.range)} -> ${path.basename(l.target?.fsPath ?? '')}#${l.target?.fragment}`);
      assert.ok(targets.some((t) => /^reviews -> routes\.yaml#L5$/.test(t)), targets.join('\n'));
      assert.ok(targets.some((t) => /^default(\.bookinfo)? -> policy\.yaml#L\d+$/.test(t)), targets.join('\n'));
      assert.strictEqual(links.length, outcome.linked);
    });

    test('the status bar shows the kube context and where istioctl was found', async () => {
      const { statusBar } = await state();
      assert.match(statusBar.text, /dead-ctx/);
      assert.match(statusBar.tooltip, /from PATH/);
    });
  });
});
