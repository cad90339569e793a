import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, markClientAddressHeader } from "@/lib/ops/client-address.cjs";
import { clientIp, isClientAddressHookInstalled } from "./client-ip";

describe("clientIp", () => {
  it("trusts no header the client sends: without the server's hook every request is unknown", () => {
    const headers = new Headers({
      "x-forwarded-for": "198.51.100.1",
      "x-real-ip": "198.51.100.2",
      [CLIENT_IP_HEADER]: "198.51.100.3",
    });
    expect(isClientAddressHookInstalled()).toBe(false);
    expect(clientIp(headers)).toBe("unknown");
  });

  it("with the hook's header known, reads only that header, never X-Forwarded-For", () => {
    markClientAddressHeader();
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: "203.0.113.5", "x-forwarded-for": "198.51.100.1" }))).toBe(
      "203.0.113.5",
    );
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.1" }))).toBe("unknown");
  });
});
