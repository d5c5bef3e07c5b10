// What an istioctl command returns to its caller (the command palette ignores it; the in-editor
// tests read it): success with a summary, or the failure the user was shown.
import type { Failure } from '../istioctl/types';

export type CommandOutcome<T extends object = object> = ({ readonly ok: true } & T) | { readonly ok: false; readonly failure: Failure };

export const failed = (failure: Failure): CommandOutcome<never> => ({ ok: false, failure });
