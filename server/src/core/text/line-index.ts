// Converts between string offsets (UTF-16 code units) and 0-based line/character positions.
import type { Position, Range } from '../types';

export class LineIndex {
  /** Offset at which each line starts; a line ends at `\n` (a preceding `\r` stays part of the line). */
  private readonly lineStarts: Uint32Array;

  constructor(
    readonly text: string,
    lineStarts?: Uint32Array,
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    // Straight into a typed array grown by doubling: half the time of a number[] converted after.
    let starts = new Uint32Array(Math.max(16, text.length >> 5));
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      if (count === starts.length) {
        const grown = new Uint32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = i + 1;
    }
    this.lineStarts = starts.slice(0, count);
  }

  /**
   * The index of `text`, which is this index's text with `[start, oldEnd)` replaced by `text[start, newEnd)`:
   * only the replaced lines are scanned, so an edit of a large file does not rescan all of it.
   */
  edited(text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    const starts = this.lineStarts;
    // Line starts up to `start` are unchanged (a start at s depends on the character at s - 1 only);
    // those after `oldEnd` move by the change in length.
    const keep = this.lastLineAtOrBefore(start) + 1;
    let from = keep;
    while (from < starts.length && starts[from] <= oldEnd) from++;
    const inserted: number[] = [];
    for (let i = text.indexOf('\n', start); i !== -1 && i < newEnd; i = text.indexOf('\n', i + 1)) inserted.push(i + 1);
    const next = new Uint32Array(keep + inserted.length + starts.length - from);
    next.set(starts.subarray(0, keep));
    next.set(inserted, keep);
    const tail = keep + inserted.length;
    for (let i = from; i < starts.length; i++) next[tail + i - from] = starts[i] + delta;
    return new LineIndex(text, next);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The last line whose start is at or before the offset. */
  private lastLineAtOrBefore(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lastLineAtOrBefore(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offset(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] - 1 : this.text.length;
    return Math.min(start + Math.max(0, position.character), end);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }
}
