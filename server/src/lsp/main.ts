// The language server: one table of the requests it supports, wired to the language core.
// Transport (stdio, node IPC, socket) is chosen by the command line, as vscode-languageserver does.
import {
  CodeLensRefreshRequest,
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { Workspace } from '../core/analysis';
import { AnalysisIdleNotification, IndexedNotification } from '../../../common/protocol';
import { RoutingGraphRequest, SimulateRequest } from '../../../common/routing';
import { SETTINGS_SECTION } from '../../../common/settings';
import { DiagnosticsScheduler } from './diagnostics-scheduler';
import { guard, type Logger } from './guard';
import { tuneHeap } from './heap-tuning';
import * as handlers from './handlers';
import { openDocuments } from './open-documents';
import { readSettings, type ServerSettings } from './settings';
import { findYamlFiles, globToRegExp, isYamlPath, pathToUri, readTextFile, uriToPath } from './workspace-loader';

const connection = createConnection(ProposedFeatures.all);
const open = openDocuments();
const { documents } = open;
const workspace = new Workspace({ now: Date.now });
const logger: Logger = {
  error: (m) => connection.console.error(m),
  info: (m) => connection.console.info(m),
};
const scheduler = new DiagnosticsScheduler(connection, workspace, (uri) => documents.get(uri)?.version, logger);

let folders: string[] = [];
let settings: ServerSettings = readSettings(undefined);
let canPullConfiguration = false;
let canRefreshCodeLenses = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canRefreshCodeLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
  folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  if (!folders.length && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) folders = [root];
  }
  settings = readSettings(params.initializationOptions?.settings);
  workspace.configure(settings.core);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' ', '-', '/'] },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'istio-yaml', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    await pullSettings();
  }
  indexWorkspace();
});

/** The files scheduled since the last pass ended, and when the first of them was. */
let pass: { started: number; files: Set<string> } | undefined;

function schedule(uris: readonly string[]): void {
  pass ??= { started: performance.now(), files: new Set() };
  for (const uri of uris) pass.files.add(uri);
  scheduler.schedule(uris);
}

// Lenses count references from other files ("used by 3 routes"): after each diagnostics pass over
// changed files, ask the editor to fetch them again.
scheduler.onIdle = () => {
  if (canRefreshCodeLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  // Clean files get no publishDiagnostics: tell the client (tests, the benchmark) that a pass ended.
  // A pass without scheduled files (a debounce timer that fired after its files were done) says nothing.
  const done = pass;
  pass = undefined;
  if (done) {
    void connection.sendNotification(AnalysisIdleNotification.method, {
      scheduled: done.files.size,
      millis: Math.round(performance.now() - done.started),
    } satisfies AnalysisIdleNotification.Params);
  }
};

async function pullSettings(): Promise<void> {
  try {
    settings = readSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION));
    workspace.configure(settings.core);
  } catch (error) {
    logger.error(`could not read settings: ${String(error)}`);
  }
}

/** Indexes the YAML files of the workspace folders, so that closed files take part in the analysis. */
function indexWorkspace(): void {
  const started = performance.now();
  const exclude = settings.exclude.map(globToRegExp);
  const uris: string[] = [];
  for (const folder of folders) {
    for (const file of findYamlFiles(folder, exclude)) {
      const uri = pathToUri(file);
      if (documents.get(uri)) continue;
      const text = readTextFile(file);
      if (text === undefined) continue;
      workspace.setFile(uri, text);
      uris.push(uri);
    }
  }
  const snapshot = workspace.snapshot();
  const resources = snapshot.resources();
  const millis = Math.round(performance.now() - started);
  logger.info(`indexed ${uris.length} YAML files (${resources.length} resources) in ${millis} ms`);
  void connection.sendNotification(IndexedNotification.method, {
    files: uris.length,
    resources: resources.length,
    istioResources: resources.filter((r) => r.istio).length,
    millis,
  } satisfies IndexedNotification.Params);
  schedule(snapshot.uris());
}

connection.onDidChangeConfiguration(async () => {
  await pullSettings();
  schedule(workspace.snapshot().uris());
});

/** Edits of a large open file leave its old texts behind: see heap-tuning.ts. */
function tuneHeapForOpenDocuments(closing?: string): void {
  tuneHeap(Math.max(0, ...documents.all().filter((d) => d.uri !== closing).map((d) => d.getText().length)));
}

documents.onDidOpen(({ document }) => {
  workspace.setOpen(document.uri, true);
  tuneHeapForOpenDocuments();
});

documents.onDidChangeContent(({ document }) => {
  workspace.setFile(document.uri, document.getText(), open.takeChanges(document.uri));
  schedule([document.uri]);
});

documents.onDidClose(({ document }) => {
  workspace.setOpen(document.uri, false);
  tuneHeapForOpenDocuments(document.uri);
  // The closed file stays in the index with its saved content (references into it keep working).
  const file = uriToPath(document.uri);
  const text = file && isYamlPath(file) ? readTextFile(file) : undefined;
  if (text === undefined) {
    workspace.removeFile(document.uri);
    scheduler.clear(document.uri);
  } else {
    workspace.setFile(document.uri, text);
  }
  schedule([document.uri]);
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  const changed: string[] = [];
  for (const change of changes) {
    if (documents.get(change.uri)) continue; // the editor's buffer wins over the disk
    const file = uriToPath(change.uri);
    if (!file || !isYamlPath(file)) continue;
    const text = change.type === FileChangeType.Deleted ? undefined : readTextFile(file);
    if (text === undefined) {
      workspace.removeFile(change.uri);
      scheduler.clear(change.uri);
    } else {
      workspace.setFile(change.uri, text);
    }
    changed.push(change.uri);
  }
  if (changed.length) schedule(changed);
});

connection.onCompletion(guard(logger, 'completion', { isIncomplete: false, items: [] }, (p) => handlers.completion(workspace, p)));
connection.onHover(guard(logger, 'hover', null, (p) => handlers.hover(workspace, p)));
connection.onDocumentSymbol(guard(logger, 'documentSymbol', [], (p) => handlers.documentSymbols(workspace, p)));
connection.onFoldingRanges(guard(logger, 'foldingRange', [], (p) => handlers.foldingRanges(workspace, p)));
connection.onSelectionRanges(guard(logger, 'selectionRange', [], (p) => handlers.selectionRanges(workspace, p)));
connection.onCodeAction(guard(logger, 'codeAction', [], (p) => handlers.codeActions(workspace, p)));
connection.onDefinition(guard(logger, 'definition', [], (p) => handlers.definition(workspace, p)));
connection.onReferences(guard(logger, 'references', [], (p) => handlers.references(workspace, p)));
connection.onDocumentHighlight(guard(logger, 'documentHighlight', [], (p) => handlers.documentHighlights(workspace, p)));
connection.onPrepareRename(guard(logger, 'prepareRename', null, (p) => handlers.prepareRename(workspace, p)));
connection.onRenameRequest(guard(logger, 'rename', null, (p) => handlers.rename(workspace, p)));
connection.onCodeLens(guard(logger, 'codeLens', [], (p) => handlers.codeLenses(workspace, p)));
connection.onRequest(RoutingGraphRequest.method, guard<handlers.Untrusted<RoutingGraphRequest.Params>, RoutingGraphRequest.Result>(logger, 'routingGraph', handlers.EMPTY_ROUTING_GRAPH, (p) => handlers.routingGraph(workspace, p)));
connection.onRequest(SimulateRequest.method, guard<handlers.Untrusted<SimulateRequest.Params>, SimulateRequest.Result>(logger, 'simulate', handlers.FAILED_SIMULATION, (p) => handlers.simulate(workspace, p)));

// A bug must not kill the server: log it and keep serving (the client restarts a server that exits).
process.on('uncaughtException', (error) => logger.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => logger.error(`unhandled rejection: ${String(reason)}`));

documents.listen(connection);
connection.listen();
