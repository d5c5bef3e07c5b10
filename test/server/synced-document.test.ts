// The server's open-document store (synced-document.ts) against vscode-languageserver-textdocument,
// whose behaviour it replaces: after every edit the text, line count, and every offset ↔ position
// conversion inside the text must be the same.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { describe, expect, it } from 'vitest';
import { SyncedDocument } from '../../server/src/lsp/synced-document';
// @ts-expect-error: a plain ES module without types
import { prng } from '../../bench/generate-mesh.mjs';

function expectSame(ours: TextDocument, theirs: TextDocument): void {
  const text = theirs.getText();
  expect(ours.getText()).toBe(text);
  expect(ours.lineCount).toBe(theirs.lineCount);
  expect(ours.version).toBe(theirs.version);
  for (let offset = 0; offset <= text.length; offset++) {
    // Between `\r` and `\n` is not a place an editor puts a cursor.
    if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
    const position = theirs.positionAt(offset);
    expect(ours.positionAt(offset), `offset ${offset} of ${JSON.stringify(text)}`).toEqual(position);
    expect(ours.offsetAt(position)).toBe(offset);
  }
  // Characters past a line's end stop at its end (before a `\r\n`).
  for (let line = 0; line < theirs.lineCount; line++) {
    const past = { line, character: 1000 };
    expect(ours.offsetAt(past)).toBe(theirs.offsetAt(past));
  }
  const range = { start: theirs.positionAt(1), end: theirs.positionAt(text.length - 1) };
  expect(ours.getText(range)).toBe(theirs.getText(range));
}

const PIECES = ['a', 'key: value', '\n', '\r\n', '\n\n', '  - item\n', '', 'é', '😀', '---\n'];

/** A random edit of the text, with its range in positions (as an editor sends it). */
function randomChange(document: TextDocument, random: () => number): TextDocumentContentChangeEvent {
  const length = document.getText().length;
  const a = Math.floor(random() * (length + 1));
  const b = Math.min(length, a + Math.floor(random() * 12));
  const text = Array.from({ length: Math.floor(random() * 3) }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
  return { range: { start: document.positionAt(a), end: document.positionAt(b) }, text };
}

describe('the open-document store', () => {
  it('keeps the same text and positions as the library document through random edits, in LF and CRLF texts', () => {
    const random = prng(20261122);
    for (const start of ['apiVersion: v1\nkind: Service\n', 'a: 1\r\nb:\r\n  - c\r\n', '', 'no newline at the end']) {
      let ours = SyncedDocument.create('file:///a.yaml', 'yaml', 1, start);
      let theirs = TextDocument.create('file:///a.yaml', 'yaml', 1, start);
      expect(ours).toBeInstanceOf(SyncedDocument);
      for (let version = 2; version < 300; version++) {
        // Several changes in one notification apply in order, each to the text the previous left.
        const changes: TextDocumentContentChangeEvent[] = [];
        const count = 1 + Math.floor(random() * 3);
        for (let i = 0; i < count; i++) {
          const change = randomChange(theirs, random);
          changes.push(change);
          theirs = TextDocument.update(theirs, [change], version);
        }
        ours = (ours as SyncedDocument).update(changes, version);
        expect(ours, JSON.stringify(theirs.getText())).toBeInstanceOf(SyncedDocument);
        expectSame(ours, theirs);
      }
    }
  });

  it('replaces the whole text on a change without a range', () => {
    const ours = SyncedDocument.create('file:///a.yaml', 'yaml', 1, 'a: 1\n') as SyncedDocument;
    const next = ours.update([{ text: 'b: 2\nc: 3\n' }], 2);
    expectSame(next, TextDocument.create('file:///a.yaml', 'yaml', 2, 'b: 2\nc: 3\n'));
  });

  it('leaves a text that breaks lines at a lone carriage return to the library document', () => {
    expect(SyncedDocument.create('file:///a.yaml', 'yaml', 1, 'a: 1\rb: 2\r')).not.toBeInstanceOf(SyncedDocument);
    const cases: [string, TextDocumentContentChangeEvent][] = [
      // Typed in a change.
      ['a: 1\nb: 2\n', { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x\ry' }],
      // Joining a `\r` left by an earlier change to a line.
      ['a: 1\r\nb: 2\r\n', { range: { start: { line: 0, character: 4 }, end: { line: 1, character: 1 } }, text: '\r' }],
      // A change ending in `\r` at the end of the text.
      ['a: 1', { range: { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, text: '\r' }],
      // A whole new text.
      ['a: 1\n', { text: 'a\rb' }],
    ];
    for (const [start, change] of cases) {
      const ours = SyncedDocument.create('file:///a.yaml', 'yaml', 1, start) as SyncedDocument;
      const theirs = TextDocument.update(TextDocument.create('file:///a.yaml', 'yaml', 1, start), [change], 2);
      const next = ours.update([change], 2);
      expect(next, JSON.stringify([start, change])).not.toBeInstanceOf(SyncedDocument);
      expectSame(next, theirs);
    }
  });
});
