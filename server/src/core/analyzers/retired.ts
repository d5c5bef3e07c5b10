// Codes that were removed or renamed. A code is never reused; tests check the registry against this list.
export const RETIRED_CODES: readonly { readonly code: string; readonly name: string; readonly reason: string }[] = [];
