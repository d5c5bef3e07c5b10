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
  const cuts: number[] = [0];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    if (m.index !== 0) cuts.push(m.index);
  }
  const chunks: TextChunk[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const base = cuts[i];
    const end = i + 1 < cuts.length ? cuts[i + 1] : text.length;
    chunks.push({ base, text: text.slice(base, end) });
  }
  // A leading chunk holding only directives (`%YAML 1.2`) or comments belongs to the next document.
  if (chunks.length > 1 && /^\s*%/.test(chunks[0].text) && isOnlyDirectivesOrComments(chunks[0].text)) {
    const [first, second] = chunks;
    chunks.splice(0, 2, { base: 0, text: first.text + second.text });
  }
  return chunks;
}

function isOnlyDirectivesOrComments(text: string): boolean {
  return text.split('\n').every((line) => /^\s*(%.*|#.*)?\r?$/.test(line));
}
