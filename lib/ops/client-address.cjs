"use strict";
// The client's address for the app's per-IP limits and the activity log, taken
// from the TCP connection and TRUST_PROXY, never from a header the client writes.
//
// Loaded into the server process before Next.js starts (`node --require
// ./lib/ops/client-address-preload.cjs …/next start`: npm start, the end-to-end
// tests and the benchmarks all start the app that way), so it sees every request
// from the first one on. For each request it sets the x-pathwise-client-ip
// header, overwriting any copy the client sent; lib/auth/client-ip.ts reads only
// that header, and only when this hook is installed.
//
// The rule, with N = TRUST_PROXY (how many reverse proxies stand in front of the
// app, each appending the address it was reached from to X-Forwarded-For):
// - N = 0: the socket's address. X-Forwarded-For is ignored.
// - N ≥ 1: the hops are the X-Forwarded-For entries followed by the socket's
//   address; the client is the hop N places left of the socket's address (N = 1:
//   the last X-Forwarded-For entry, written by the one proxy). Entries further
//   left were written by the client or by hops nobody vouches for, and are never
//   used.
// - Fewer hops than N + 1 (a proxy did not append, or TRUST_PROXY counts more
//   proxies than there are): the leftmost hop, the furthest address recorded.
// Entries are only as good as the proxies that append them: the rule holds when
// the app's port is reachable through those N proxies alone. A client that can
// connect directly (or through fewer proxies) can write the entries itself, so
// with TRUST_PROXY > 0 keep the port private; with 0 nothing the client sends
// is used.
// Addresses are normalized (port and brackets dropped, IPv4-mapped IPv6 written
// as IPv4) so that one client is one key.
const http = require("node:http");
const net = require("node:net");

const CLIENT_IP_HEADER = "x-pathwise-client-ip";
const MARK = Symbol.for("pathwise.clientAddress");
const MAX_PROXIES = 10;

/** TRUST_PROXY as an integer 0–10; anything else counts as 0 (lib/env.ts reports it). */
function parseTrustProxy(raw) {
  if (raw === undefined || raw === null || String(raw).trim() === "") return 0;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 && value <= MAX_PROXIES ? value : 0;
}

/** One address in a stable form: "1.2.3.4:80" → "1.2.3.4", "[::1]:443" → "::1", "::ffff:1.2.3.4" → "1.2.3.4". */
function normalizeAddress(raw) {
  let value = String(raw ?? "").trim();
  if (!value) return "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[^:]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1];
  if (net.isIP(value) === 6) return value.toLowerCase();
  // Not an address (e.g. "unknown" from a proxy): kept, bounded, as an opaque key.
  return value.slice(0, 64);
}

/** The client's address from the socket's address, the X-Forwarded-For header(s) and TRUST_PROXY. */
function clientAddressOf({ remoteAddress, forwardedFor, trustProxy }) {
  const socket = normalizeAddress(remoteAddress) || "unknown";
  if (!trustProxy) return socket;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map(normalizeAddress)
    .filter(Boolean);
  const hops = [...forwarded, socket];
  return hops[Math.max(0, hops.length - 1 - trustProxy)];
}

/** Tells lib/auth/client-ip.ts which header carries the address (also used by tests that call handlers directly). */
function markClientAddressHeader() {
  globalThis[MARK] ??= { header: CLIENT_IP_HEADER };
}

/** Sets the client-address header on every request and upgrade this process's HTTP servers receive. */
function installClientAddress() {
  if (globalThis[MARK]?.installed) return;
  globalThis[MARK] = { header: CLIENT_IP_HEADER, installed: true };
  const proto = http.Server.prototype;
  const emit = proto.emit;
  proto.emit = function emitWithClientAddress(event, ...args) {
    if (event === "request" || event === "upgrade") {
      const req = args[0];
      req.headers[CLIENT_IP_HEADER] = clientAddressOf({
        remoteAddress: req.socket?.remoteAddress,
        forwardedFor: req.headers["x-forwarded-for"],
        // Read per request: Next.js loads .env files after this hook is installed.
        trustProxy: parseTrustProxy(process.env.TRUST_PROXY),
      });
    }
    return emit.call(this, event, ...args);
  };
}

module.exports = {
  CLIENT_IP_HEADER,
  parseTrustProxy,
  normalizeAddress,
  clientAddressOf,
  markClientAddressHeader,
  installClientAddress,
};
