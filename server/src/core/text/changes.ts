// Edits as an editor reports them, and the one region of the text they changed.

/** One replacement: `[start, end)` of the text as it was before this change became `newLength` characters (UTF-16 code units). */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly newLength: number;
}

/**
 * What a sequence of edits changed: `[start, oldEnd)` of the previous text is `[start, newEnd)` of
 * the new one, and everything before and after is the same.
 */
export interface ChangedRegion {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * The region changed by edits applied in order to a text of `oldLength` characters (each change's
 * offsets are in the text as the previous changes left it), or undefined when they do not fit.
 * Text before the smallest start is untouched by every change; so is the text after the smallest
 * number of characters any change left after its end.
 */
export function changedRegion(oldLength: number, changes: readonly TextChange[]): ChangedRegion | undefined {
  if (!changes.length) return undefined;
  let length = oldLength;
  let start = Infinity;
  let suffix = Infinity;
  for (const change of changes) {
    if (!(change.start >= 0 && change.start <= change.end && change.end <= length && change.newLength >= 0)) return undefined;
    start = Math.min(start, change.start);
    suffix = Math.min(suffix, length - change.end);
    length += change.newLength - (change.end - change.start);
  }
  return { start, oldEnd: oldLength - suffix, newEnd: length - suffix };
}
