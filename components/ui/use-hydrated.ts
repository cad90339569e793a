import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while the server's HTML is showing, true once React has hydrated it in the
 * browser: a form that submits through JavaScript keeps its button disabled until
 * then, so an early click does nothing instead of submitting the page natively.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
