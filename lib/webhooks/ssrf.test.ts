import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { checkedLookup, checkWebhookTarget, isPrivateAddress } from "@/lib/webhooks/ssrf";

describe("webhook targets", () => {
  it("refuses loopback, private, link-local, shared, multicast and IPv4-in-IPv6 addresses", () => {
    for (const address of [
      "127.0.0.1",
      "127.255.0.9",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.0.10",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::",
      "::1",
      "fc00::1",
      "fd12:3456::1",
      "fe80::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "::ffff:7f00:1",
      "0:0:0:0:0:ffff:a9fe:a9fe",
      "64:ff9b::7f00:1",
      "not an address",
    ])
      expect(isPrivateAddress(address), address).toBe(true);
  });

  it("lets public addresses through", () => {
    for (const address of [
      "8.8.8.8",
      "1.1.1.1",
      "172.32.0.1",
      "100.128.0.1",
      "2606:4700:4700::1111",
      "::ffff:8.8.8.8",
      "::ffff:808:808",
    ])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it("checks literal addresses without a lookup, and allows private ones only when told", async () => {
    expect(await checkWebhookTarget("https://93.184.215.14/hook", { allowPrivate: false })).toBeNull();
    expect(await checkWebhookTarget("http://[::1]:8080/", { allowPrivate: false })).toBe("private");
    expect(await checkWebhookTarget("http://[::1]:8080/", { allowPrivate: true })).toBeNull();
    expect(await checkWebhookTarget("http://localhost/", { allowPrivate: false })).toBe("private");
    expect(await checkWebhookTarget("http://no-such-host.invalid/", { allowPrivate: true })).toBe("unresolvable");
  });
});

describe("the connection's own lookup (DNS rebinding)", () => {
  it("connects only to an address that passes the check at connect time", async () => {
    const hits: string[] = [];
    const server = http.createServer((request, response) => {
      hits.push(request.url ?? "");
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    // A host name that resolves to loopback, as a rebinding host would after passing the first check.
    const send = (allowPrivate: boolean) =>
      new Promise<string>((resolve) => {
        const request = http.request(
          `http://localhost:${port}/hook`,
          { method: "POST", lookup: checkedLookup({ allowPrivate }), family: 4 },
          (response) => {
            response.resume();
            resolve(String(response.statusCode));
          },
        );
        request.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
        request.end("{}");
      });
    try {
      expect(await send(false)).toBe("EPRIVATE");
      expect(hits).toEqual([]);
      expect(await send(true)).toBe("200");
      expect(hits).toEqual(["/hook"]);
    } finally {
      server.close();
    }
  });
});
