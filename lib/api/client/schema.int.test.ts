// The typed client's types (schema.d.ts) are the ones openapi-typescript makes from
// the live OpenAPI document; `npm run api:types` rewrites them after an API change.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiTypesSource } from "@/lib/api/client/generate";
import { openApiDocument } from "@/lib/api/openapi";

const file = path.resolve(process.cwd(), "lib/api/client/schema.d.ts");

describe("the typed client's types", () => {
  it("are generated from the current OpenAPI document", async () => {
    const source = await apiTypesSource(JSON.parse(JSON.stringify(openApiDocument())));
    if (process.env.UPDATE_API_TYPES === "1") writeFileSync(file, source);
    expect(readFileSync(file, "utf8"), "lib/api/client/schema.d.ts is stale: run npm run api:types").toBe(source);
  });

  it("make every filter an enum, so that a generated client refuses a wrong code", () => {
    const source = readFileSync(file, "utf8");
    expect(source).toMatch(/status\?: \("TODO" \| "IN_PROGRESS" \| "BLOCKED" \| "DONE" \| "CANCELLED"\)\[\]/);
    expect(source).toMatch(/at\?: string;/);
  });
});
