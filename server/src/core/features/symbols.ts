// Document symbols: one outline entry per resource, with its routes and servers nested.
import type { FileModel } from '../model/file';
import type { DocumentSymbol } from '../types';

export function documentSymbols(file: FileModel): DocumentSymbol[] {
  void file;
  return [];
}
