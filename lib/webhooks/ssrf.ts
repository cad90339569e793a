import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * Addresses a webhook may not be sent to: this host, private networks,
 * link-local (cloud metadata), shared (CGNAT), multicast and reserved ranges,
 * and IPv6 forms that embed an IPv4 address.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:a.b.c.d or ::ffff:xxxx:yyyy), else null. */
function mappedIpv4(address: string): string | null {
  const match = /^(?:0{0,4}:){0,5}:?ffff:(.+)$/i.exec(address);
  if (!match?.[1]) return null;
  if (isIP(match[1]) === 4) return match[1];
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(match[1]);
  if (!hex) return null;
  const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/**
 * Whether an IP address is one a webhook may not reach. (A BlockList checks an
 * IPv4 address against IPv6 rules as ::ffff:a.b.c.d, so ::ffff:0:0/96 cannot be
 * a rule; a mapped address is checked as the IPv4 address it holds.)
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    const ipv4 = mappedIpv4(address);
    if (ipv4) return blocked.check(ipv4, "ipv4");
  }
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Why an address is refused: it resolves to a private address, or not at all. */
export type TargetProblem = "private" | "unresolvable";

/**
 * Checks where a URL leads: null when every address its host resolves to is
 * public (or private targets are allowed), else the problem. Checked when an
 * endpoint is registered and again before each delivery, as DNS can change.
 */
export async function checkWebhookTarget(url: string, { allowPrivate }: { allowPrivate: boolean }) {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return "unresolvable" satisfies TargetProblem;
    }
  }
  if (addresses.length === 0) return "unresolvable" satisfies TargetProblem;
  if (!allowPrivate && addresses.some(isPrivateAddress)) return "private" satisfies TargetProblem;
  return null;
}

/**
 * A `lookup` for http.request that refuses private addresses: the connection
 * goes to an address checked at connect time, so a host that resolved to a public
 * address for checkWebhookTarget cannot switch to a private one in between (DNS
 * rebinding). IP literals skip lookups; checkWebhookTarget covers them.
 */
export function checkedLookup({ allowPrivate }: { allowPrivate: boolean }): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, found) => {
      if (error) return callback(error, "", 0);
      const addresses = found;
      if (addresses.length === 0 || (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address)))) {
        return callback(
          Object.assign(new Error(`${hostname} leads to a private address`), { code: "EPRIVATE" }),
          "",
          0,
        );
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      callback(null, first!.address, first!.family);
    });
  };
}
