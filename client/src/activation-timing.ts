// Imported first by extension.ts, so its one line runs before the rest of the bundle's modules are
// evaluated: activation is measured from here to the end of `activate` (the budget is 50 ms).
export const bundleStarted = performance.now();

/** What the extension returns from `activate` (its API), for the in-editor test and scripts. */
export interface ActivationTiming {
  /**
   * From the first line of the bundle to the end of its last module: evaluating the bundle. (What
   * VS Code does between loading the bundle and calling `activate` is not counted.)
   */
  readonly evaluationMs: number;
  /** The body of `activate`, which only wires (the server starts without being awaited). */
  readonly activateMs: number;
}
