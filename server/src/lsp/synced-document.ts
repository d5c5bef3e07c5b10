// An open document kept in sync with the editor, like vscode-languageserver-textdocument's, but
// with the line index the core uses (a Uint32Array found with indexOf, updated around each edit).
// The library finds line starts one character at a time, lazily, on the first edit: 280 ms for a
// 29 MB file, paid by the completion that follows that edit; this index takes about 40 ms at open
// and a few milliseconds per edit.
//
// The core's index breaks lines at `\n` only (`\r\n` ends a line the same way). An editor also
// breaks them at a lone `\r`; a text holding one is left to the library's document (see `create`).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { LineIndex } from '../core/analysis';

const LONE_CR = /\r(?!\n)/;

export class SyncedDocument implements TextDocument {
  private constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    private lines: LineIndex,
  ) {}

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  getText(range?: Range): string {
    const text = this.lines.text;
    // substring, not slice: a range given end first still means the text between (as the library reads it).
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  positionAt(offset: number): Position {
    return this.lines.position(offset);
  }

  offsetAt(position: Position): number {
    const offset = this.lines.offset(position);
    // A character past the end of a `\r\n` line stops before the `\r`, as in the library.
    const text = this.lines.text;
    return text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset - 1 : offset;
  }

  /**
   * Applies the editor's changes in order. Returns this document, or the library's when the text
   * now holds a lone `\r`.
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i];
      if (!('range' in change)) {
        if (LONE_CR.test(change.text)) return library(this, changes.slice(i), version);
        this.lines = new LineIndex(change.text);
        continue;
      }
      const a = this.offsetAt(change.range.start);
      const b = this.offsetAt(change.range.end);
      const start = Math.min(a, b);
      const end = Math.max(a, b);
      const old = this.lines.text;
      if (makesLoneCarriageReturn(old, start, end, change.text)) return library(this, changes.slice(i), version);
      const text = old.slice(0, start) + change.text + old.slice(end);
      this.lines = this.lines.edited(text, start, end, start + change.text.length);
    }
    this.currentVersion = version;
    return this;
  }

  /** A document for the editor's text: this class's, or the library's for a text with a lone `\r`. */
  static create(uri: string, languageId: string, version: number, content: string): TextDocument {
    if (LONE_CR.test(content)) return TextDocument.create(uri, languageId, version, content);
    return new SyncedDocument(uri, languageId, version, new LineIndex(content));
  }
}

/**
 * Whether replacing `[start, end)` of `old` by `inserted` leaves a `\r` not followed by `\n`: one
 * of the inserted text's, or the one just before the edit. Reads the pieces, not the new text, which
 * V8 would have to flatten (copy) first.
 */
function makesLoneCarriageReturn(old: string, start: number, end: number, inserted: string): boolean {
  const after = (i: number) => (i < inserted.length ? inserted.charCodeAt(i) : old.charCodeAt(end + i - inserted.length));
  if (start > 0 && old.charCodeAt(start - 1) === 13 && after(0) !== 10) return true;
  for (let i = inserted.indexOf('\r'); i !== -1; i = inserted.indexOf('\r', i + 1)) if (after(i + 1) !== 10) return true;
  return false;
}

/** The library's document for the text so far, with the remaining changes applied. */
function library(document: SyncedDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
  const replacement = TextDocument.create(document.uri, document.languageId, version, document.getText());
  return TextDocument.update(replacement, [...changes], version);
}
