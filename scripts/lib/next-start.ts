import path from "node:path";

/**
 * The arguments of `node` that run `next start` as `npm start` does: with the hook
 * that sets the client address (lib/ops/client-address.cjs) preloaded. Shared by
 * start.ts, the bench harness and the e2e helpers (plain Node, no ESM-only imports).
 */
export function nextStartArgs(root: string, port: number, host?: string): string[] {
  return [
    "--require",
    path.join(root, "lib", "ops", "client-address-preload.cjs"),
    path.join(root, "node_modules", "next", "dist", "bin", "next"),
    "start",
    "-p",
    String(port),
    ...(host ? ["-H", host] : []),
  ];
}
