const HOOK: unique symbol = Symbol.for("pathwise.clientAddress");

type Hook = { header: string; installed?: boolean };

function hook(): Hook | undefined {
  return (globalThis as { [HOOK]?: Hook })[HOOK];
}

/**
 * The client's address, as lib/ops/client-address.cjs computed it from the
 * connection and TRUST_PROXY before the request reached Next.js. Never read from
 * X-Forwarded-For or any other header the client controls: without that hook
 * (a bare `next start` or `next dev`) every request is "unknown".
 */
export function clientIp(headers: Headers): string {
  const header = hook()?.header;
  return (header && headers.get(header)) || "unknown";
}

/** Whether the server process was started with the client-address hook (see lib/ops/client-address.cjs). */
export function isClientAddressHookInstalled(): boolean {
  return hook()?.installed === true;
}
