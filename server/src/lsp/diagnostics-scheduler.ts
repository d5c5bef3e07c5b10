// Debounces diagnostics: after changes, recomputes and publishes the changed files first and then the
// files that depend on them (those whose cross-resource findings read what changed since the last
// pass), in small batches so that completion and hover requests are served in between.
import type { Connection } from 'vscode-languageserver/node';
import type { Workspace } from '../core/analysis';
import { toDiagnostic } from './convert';
import type { Logger } from './guard';

const BATCH = 64;

/**
 * How long the scheduler waits after a change before publishing. A pass costs what changed (the edited
 * documents and the findings that read them), so it can follow typing closely: 50 ms lets a burst of
 * keystrokes coalesce without making the edited file's diagnostics lag.
 */
export const DIAGNOSTICS_DEBOUNCE_MS = 50;

export class DiagnosticsScheduler {
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** Files that currently show diagnostics, so they can be cleared when they have none. */
  private published = new Set<string>();
  /** The workspace version the last pass looked at: the next one republishes what changed after it. */
  private analysedVersion = 0;
  /** Called after each full pass (tests and the status bar use it). */
  onIdle: (() => void) | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly versionOf: (uri: string) => number | undefined,
    private readonly logger: Logger,
    private readonly delayMs = DIAGNOSTICS_DEBOUNCE_MS,
  ) {}

  schedule(uris: Iterable<string>): void {
    for (const uri of uris) this.pending.add(uri);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Clears a file's diagnostics (closed and deleted, or no longer YAML we analyse). */
  clear(uri: string): void {
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    if (this.running) {
      // A pass is under way; it picks up the pending files when it finishes.
      return;
    }
    this.running = true;
    try {
      while (this.pending.size) {
        const snapshot = this.workspace.snapshot();
        // The changed files come first: the edited file's diagnostics do not wait for its dependents'.
        const uris = snapshot.affectedBy([...this.pending], this.analysedVersion);
        this.analysedVersion = snapshot.version;
        this.pending.clear();
        for (let i = 0; i < uris.length; i += BATCH) {
          for (const uri of uris.slice(i, i + BATCH)) this.publish(snapshot, uri);
          // Yield to the event loop between batches: requests arriving now are answered promptly.
          if (i + BATCH < uris.length) await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } finally {
      this.running = false;
    }
    this.onIdle?.();
  }

  private publish(snapshot: ReturnType<Workspace['snapshot']>, uri: string): void {
    let diagnostics;
    try {
      diagnostics = snapshot.diagnostics(uri).map(toDiagnostic);
    } catch (error) {
      this.logger.error(`diagnostics failed for ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return;
    }
    if (!diagnostics.length && !this.published.has(uri)) return;
    if (diagnostics.length) this.published.add(uri);
    else this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, version: this.versionOf(uri), diagnostics });
  }
}
