// Imported first by the server's entry: V8 heap settings for a long-lived process that is handed a
// new copy of a large file's text on every edit.
import v8 from 'node:v8';

// V8 lets the old generation grow up to fourfold between full collections when they are cheap
// relative to the work done, so the texts that edits of a 5 MB file leave behind pile up as garbage
// (490 MB peak after 60 edits of the benchmark's single file, of which under 200 MB was live). A
// growth of 1.5× keeps the peak at about 260 MB. `--optimize-for-size` kept it lower (200 MB) but
// made the collections frequent enough to double the latency of an edit's republish. Set at run
// time, so it holds however the server is started (the extension's IPC, stdio, the benchmark).
v8.setFlagsFromString('--heap-growing-percent=50');
