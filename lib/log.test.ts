import { describe, expect, it } from "vitest";
import { currentRequestId, requestIdFrom, runWithRequest } from "@/lib/log";

describe("requestIdFrom", () => {
  it("keeps a client's plain token and replaces anything else with a UUID", () => {
    expect(requestIdFrom("abc-123_DEF.456:7")).toBe("abc-123_DEF.456:7");
    expect(requestIdFrom(["first-id-0001", "second"])).toBe("first-id-0001");
    for (const bad of [
      undefined,
      null,
      "",
      "short",
      "has space inside",
      "x".repeat(129),
      'quote"injection',
      "line\nbreak-0000",
    ]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});

describe("runWithRequest", () => {
  it("makes the id visible through awaits, and only inside", async () => {
    expect(currentRequestId()).toBeUndefined();
    const seen = await runWithRequest("req-00000001", async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return currentRequestId();
    });
    expect(seen).toBe("req-00000001");
    expect(currentRequestId()).toBeUndefined();
  });
});
