// Hover: the schema description, type and allowed values of the field under the cursor.
import type { FileModel } from '../model/file';
import type { Hover } from '../types';

export function hover(file: FileModel, offset: number): Hover | undefined {
  void file;
  void offset;
  return undefined;
}
