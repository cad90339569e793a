// The typed client's types: openapi-typescript over the OpenAPI document (the same
// command an integrator runs against /api/v1/openapi.json).
import openapiTS, { astToString } from "openapi-typescript";

const HEADER = `// Generated from /api/v1/openapi.json by openapi-typescript (npm run api:types). Do not edit.
`;

/** The TypeScript declarations of the document's paths, operations and schemas. */
export async function apiTypesSource(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: false });
  return HEADER + astToString(ast);
}
