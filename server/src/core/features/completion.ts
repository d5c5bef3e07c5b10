// Completion: keys valid at the cursor, enum values, apiVersion/kind, and skeletons per kind.
import type { FileModel } from '../model/file';
import type { CompletionItem } from '../types';

export function complete(file: FileModel, offset: number): CompletionItem[] {
  void file;
  void offset;
  return [];
}
