// Runs each request handler in isolation: a failing feature logs and returns an empty result,
// it never takes the server down. Slow requests are logged with their timings.
export interface Logger {
  error(message: string): void;
  info(message: string): void;
}

const SLOW_MS = 200;

export function guard<P extends { textDocument?: { uri: string } }, R>(
  logger: Logger,
  name: string,
  fallback: R,
  handler: (params: P) => R,
): (params: P) => R {
  return (params: P) => {
    const started = performance.now();
    try {
      return handler(params);
    } catch (error) {
      const uri = params?.textDocument?.uri ?? '';
      logger.error(`${name} failed for ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    } finally {
      const elapsed = performance.now() - started;
      if (elapsed > SLOW_MS) logger.info(`${name} took ${elapsed.toFixed(0)} ms`);
    }
  };
}
