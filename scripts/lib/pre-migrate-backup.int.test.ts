// npm start's backup before new migrations: none for a new database or an
// up-to-date one; with a migration pending, a backup and the way back.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readManifest } from "../../lib/backups/backup";
import { findPgTool, serverMajor } from "../../lib/backups/pg-tools";
import { ROOT, adminUrlOf, dropDatabase, ensureDatabase } from "./postgres";
import { backupBeforeMigrations, pendingMigrations } from "./pre-migrate-backup";

const baseUrl = process.env.DATABASE_URL ?? "";
const name = `pathwise_premigrate_${crypto.randomBytes(4).toString("hex")}`;
const url = (() => {
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
})();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pathwise-premigrate-"));
const major = await serverMajor(baseUrl);
const canDump = (findPgTool("pg_dump", major)?.major ?? 0) >= major;
const shipped = fs
  .readdirSync(path.join(ROOT, "prisma", "migrations"))
  .filter((m) => fs.existsSync(path.join(ROOT, "prisma", "migrations", m, "migration.sql")))
  .sort();

async function query(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(() => ensureDatabase(adminUrlOf(url), name));
afterAll(async () => {
  await dropDatabase(adminUrlOf(url), name);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!canDump)("the backup before new migrations", () => {
  it("is skipped for a new database and an up-to-date one, and taken when a migration is pending", async () => {
    const messages: string[] = [];
    const log = (m: string) => messages.push(m);
    expect(await pendingMigrations(url)).toBeUndefined();
    expect(await backupBeforeMigrations({ databaseUrl: url, dir, log })).toBeUndefined();

    await query(
      `CREATE TABLE "_prisma_migrations" (migration_name text, finished_at timestamptz, rolled_back_at timestamptz);
       CREATE TABLE note (body text); INSERT INTO note VALUES ('before the upgrade')`,
    );
    await query(`INSERT INTO "_prisma_migrations" SELECT unnest($1::text[]), now(), NULL`, [shipped]);
    expect(await pendingMigrations(url)).toEqual([]);
    expect(await backupBeforeMigrations({ databaseUrl: url, dir, log })).toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual([]);

    const last = shipped[shipped.length - 1]!;
    await query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [last]);
    expect(await pendingMigrations(url)).toEqual([last]);
    const file = await backupBeforeMigrations({ databaseUrl: url, dir, log });
    expect(path.basename(file!)).toMatch(/^pre-migrate-.*\.dump$/);
    expect(readManifest(file!)?.tables).toContainEqual(expect.objectContaining({ table: "public.note", rows: 1 }));
    expect(messages.join("\n")).toContain(`npm run db:restore -- ${path.relative(process.cwd(), file!)}`);
  }, 60_000);
});
