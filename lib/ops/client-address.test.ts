import http from "node:http";
import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";
import {
  CLIENT_IP_HEADER,
  clientAddressOf,
  installClientAddress,
  normalizeAddress,
  parseTrustProxy,
} from "./client-address.cjs";

const of = (remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: number) =>
  clientAddressOf({ remoteAddress, forwardedFor, trustProxy });

describe("clientAddressOf (TRUST_PROXY rule)", () => {
  it("with TRUST_PROXY=0 is the socket's address, whatever X-Forwarded-For says", () => {
    expect(of("203.0.113.9", undefined, 0)).toBe("203.0.113.9");
    expect(of("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
    expect(of("203.0.113.9", "198.51.100.1, 198.51.100.2", 0)).toBe("203.0.113.9");
  });

  it("with TRUST_PROXY=1 is the last X-Forwarded-For entry (written by the proxy); client-written entries are ignored", () => {
    expect(of("10.0.0.2", "198.51.100.7", 1)).toBe("198.51.100.7");
    expect(of("10.0.0.2", "1.1.1.1, 2.2.2.2, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(of("10.0.0.2", ["1.1.1.1", "198.51.100.7"], 1)).toBe("198.51.100.7");
  });

  it("with TRUST_PROXY=N is the Nth entry from the right", () => {
    const header = "6.6.6.6, 198.51.100.7, 10.0.0.1";
    expect(of("10.0.0.2", header, 2)).toBe("198.51.100.7");
    expect(of("10.0.0.2", "5.5.5.5, 6.6.6.6, 198.51.100.7, 10.0.0.3, 10.0.0.1", 3)).toBe("198.51.100.7");
  });

  it("with fewer hops than TRUST_PROXY + 1 is the leftmost hop", () => {
    expect(of("10.0.0.2", "198.51.100.7", 3)).toBe("198.51.100.7");
    expect(of("10.0.0.2", undefined, 2)).toBe("10.0.0.2");
    expect(of("10.0.0.2", " , ", 1)).toBe("10.0.0.2");
  });

  it("normalizes addresses so that one client is one key", () => {
    expect(of("::ffff:127.0.0.1", undefined, 0)).toBe("127.0.0.1");
    expect(of("10.0.0.2", "198.51.100.7:5123", 1)).toBe("198.51.100.7");
    expect(of("10.0.0.2", "[2001:DB8::1]:443", 1)).toBe("2001:db8::1");
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("unknown")).toBe("unknown");
    expect(normalizeAddress("x".repeat(200))).toHaveLength(64);
    expect(of(undefined, "198.51.100.7", 0)).toBe("unknown");
  });

  it("parses TRUST_PROXY as 0–10, anything else as 0", () => {
    expect(parseTrustProxy(undefined)).toBe(0);
    expect(parseTrustProxy("")).toBe(0);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy("10")).toBe(10);
    expect(parseTrustProxy("11")).toBe(0);
    expect(parseTrustProxy("-1")).toBe(0);
    expect(parseTrustProxy("1.5")).toBe(0);
    expect(parseTrustProxy("yes")).toBe(0);
  });
});

describe("installClientAddress", () => {
  it("overwrites a client-sent copy of the header with the socket's address, which clientIp then returns", async () => {
    installClientAddress();
    const server = http.createServer((req, res) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      res.end(clientIp(headers));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const body = await new Promise<string>((resolve, reject) => {
        http
          .get(
            {
              host: "127.0.0.1",
              port,
              localAddress: "127.0.0.77",
              headers: { "x-forwarded-for": "198.51.100.1", [CLIENT_IP_HEADER]: "198.51.100.2" },
            },
            (response) => {
              let text = "";
              response.on("data", (chunk: Buffer) => (text += chunk.toString()));
              response.on("end", () => resolve(text));
            },
          )
          .on("error", reject);
      });
      expect(body).toBe("127.0.0.77");
    } finally {
      server.close();
    }
  });
});
