import path from "node:path";
import { defineConfig } from "prisma/config";
import { CliPgAdapterFactory } from "./prisma/cli-adapter";

// Every CLI command, generate included, needs a well-formed URL; without one the
// CLI falls back to downloading engines. Generate never connects.
process.env.DATABASE_URL ??= "postgresql://localhost:5432/placeholder";
const url = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  adapter: async () => new CliPgAdapterFactory(url),
});
