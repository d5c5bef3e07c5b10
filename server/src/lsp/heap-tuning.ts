// V8 heap settings for a long-lived process that is handed a new copy of a large file's text on
// every edit of it.
import v8 from 'node:v8';

/** An open document at least this large gets the slower heap growth below. */
const LARGE_DOCUMENT_CHARS = 1_000_000;

let slowGrowth = false;

/**
 * V8 lets the old generation grow up to fourfold between full collections when they are cheap
 * relative to the work done, so the texts that edits of a 5 MB file leave behind pile up as garbage
 * (490 MB peak after 60 edits of the benchmark's single file, of which under 200 MB was live). A
 * growth of 1.5× keeps the peak at about 260 MB. It also makes full collections more frequent,
 * which showed in hover and completion latencies elsewhere, so it holds only while a large
 * document is open. (`--optimize-for-size` kept the peak lower, 200 MB, but doubled the time to
 * republish after an edit.) V8 reads this flag whenever it sizes the heap, so it can change at run time.
 */
export function tuneHeap(largestOpenDocumentChars: number): void {
  const wanted = largestOpenDocumentChars >= LARGE_DOCUMENT_CHARS;
  if (wanted === slowGrowth) return;
  slowGrowth = wanted;
  // 0 is V8's default: its own dynamic growth factor.
  v8.setFlagsFromString(`--heap-growing-percent=${wanted ? 50 : 0}`);
}
