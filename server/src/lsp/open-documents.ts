// The editor's open documents, synchronised incrementally, remembering each edit as offsets: the
// workspace then re-splits and re-indexes a large file only around the edit instead of all of it.
import { type TextDocumentContentChangeEvent, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../core/analysis';
import { SyncedDocument } from './synced-document';

export interface OpenDocuments {
  readonly documents: TextDocuments<TextDocument>;
  /**
   * The edits applied to a document since the last call, in order, or undefined when they are not
   * known (the document was just opened, or the editor sent its whole text).
   */
  takeChanges(uri: string): TextChange[] | undefined;
}

export function openDocuments(): OpenDocuments {
  /** Edits not yet taken, per document; `null` once a change replaced the whole text. */
  const pending = new Map<string, TextChange[] | null>();
  const documents = new TextDocuments<TextDocument>({
    create(uri, languageId, version, content) {
      pending.set(uri, null);
      return SyncedDocument.create(uri, languageId, version, content);
    },
    update(document, changes: TextDocumentContentChangeEvent[], version) {
      const { uri } = document;
      const taken = pending.get(uri);
      let recorded: TextChange[] | null = taken === undefined ? [] : taken;
      for (const change of changes) {
        if ('range' in change && recorded) {
          // The offsets in the text as the previous changes left it, start before end (as the update does).
          const a = document.offsetAt(change.range.start);
          const b = document.offsetAt(change.range.end);
          recorded.push({ start: Math.min(a, b), end: Math.max(a, b), newLength: change.text.length });
        } else if (!('range' in change)) {
          recorded = null;
        }
        document = document instanceof SyncedDocument ? document.update([change], version) : TextDocument.update(document, [change], version);
      }
      pending.set(uri, recorded);
      return document;
    },
  });
  return {
    documents,
    takeChanges(uri) {
      const changes = pending.get(uri);
      pending.delete(uri);
      return changes ?? undefined;
    },
  };
}
