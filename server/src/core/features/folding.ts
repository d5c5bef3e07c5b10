// Folding ranges: one per document and per multi-line block.
import type { FileModel } from '../model/file';
import type { FoldingRange } from '../types';

export function foldingRanges(file: FileModel): FoldingRange[] {
  void file;
  return [];
}
