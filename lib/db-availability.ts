// Tells a database outage (server down, restarting, unreachable, pool exhausted)
// from a bug, so requests during an outage are answered 503 rather than 500.

const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart, starting up), 53300 (too many connections).
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|57P0[1-4]|53300)$/;
const UNAVAILABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);
// pg's own connect timeout: Error("timeout expired").
const UNAVAILABLE_EXACT_MESSAGES = new Set(["timeout expired"]);
const UNAVAILABLE_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error",
  "Can't reach database server",
  "the database system is",
];

type Inspectable = {
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
  cause?: unknown;
};

/** Whether an error (or one of its causes) means the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const e = current as Inspectable;
    const code = typeof e.code === "string" ? e.code : undefined;
    if (
      code &&
      (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))
    )
      return true;
    const adapterCause = e.meta?.driverAdapterError?.cause;
    if (typeof adapterCause?.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(adapterCause.kind)) return true;
    if (typeof adapterCause?.code === "string" && UNAVAILABLE_SQLSTATE.test(adapterCause.code)) return true;
    if (
      typeof e.message === "string" &&
      (UNAVAILABLE_EXACT_MESSAGES.has(e.message) || UNAVAILABLE_MESSAGES.some((m) => (e.message as string).includes(m)))
    )
      return true;
    current = e.cause;
  }
  return false;
}
