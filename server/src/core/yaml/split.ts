// Splits a YAML stream into per-document chunks at `---` lines, so that an edit reparses only the
// documents it touched. A line starting with `---` followed by a space or line end is always a
// document marker in YAML 1.2 (no scalar may contain one at column 0), so the split is exact.

export interface TextChunk {
  /** Offset of the chunk in the file. */
  readonly base: number;
  readonly text: string;
}

const MARKER = /^---(?=[ \t\r\n]|$)/gm;

export function splitDocuments(text: string): TextChunk[] {
  return splitRange(text, 0, text.length);
}

/**
 * Splits `text[start, end)`, which must begin at the start of the file or at a document marker and end
 * at the end of the file or right before one: the chunks are then exactly those a split of the whole
 * file has there. An edit of a large file re-splits only the chunks around it this way.
 */
export function splitRange(text: string, start: number, end: number): TextChunk[] {
  const region = start === 0 && end === text.length ? text : text.slice(start, end);
  const cuts: number[] = [0];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(region); m; m = MARKER.exec(region)) {
    if (m.index !== 0) cuts.push(m.index);
  }
  const chunks: TextChunk[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const from = cuts[i];
    const to = i + 1 < cuts.length ? cuts[i + 1] : region.length;
    chunks.push({ base: start + from, text: region.slice(from, to) });
  }
  // A leading chunk holding only directives (`%YAML 1.2`) or comments belongs to the next document.
  if (start === 0 && chunks.length > 1 && isDirectivePrologue(chunks[0].text)) {
    const [first, second] = chunks;
    chunks.splice(0, 2, { base: 0, text: first.text + second.text });
  }
  return chunks;
}

/** A first chunk of directives and comments only, which is merged into the document after it. */
export function isDirectivePrologue(text: string): boolean {
  return /^\s*%/.test(text) && text.split('\n').every((line) => /^\s*(%.*|#.*)?\r?$/.test(line));
}
