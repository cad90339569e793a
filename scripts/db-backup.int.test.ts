// db:backup and db:restore end to end on a throw-away database: back up, change
// the data, restore, and the data is back; without confirmation nothing changes.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, adminUrlOf, dropDatabase, ensureDatabase } from "./lib/postgres";
import { findPgTool, serverMajor } from "./lib/pg-tools";

const exec = promisify(execFile);
const baseUrl = process.env.DATABASE_URL ?? "";
const name = `pathwise_backup_${crypto.randomBytes(4).toString("hex")}`;
const url = (() => {
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
})();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pathwise-backup-"));
const file = path.join(dir, "backup.dump");

// pg_dump refuses servers newer than itself (Debian 12 ships 15; the embedded server is 16).
const pgDump = findPgTool("pg_dump");
const major = await serverMajor(baseUrl);
const canDump = pgDump !== undefined && pgDump.major >= major;

function script(name: string, args: string[], env: Record<string, string> = {}) {
  const { CI: _ci, ...rest } = process.env;
  return exec(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", name), ...args], {
    cwd: ROOT,
    env: { ...rest, DATABASE_URL: url, ...env },
  });
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!canDump)(`db:backup and db:restore (pg_dump ${pgDump?.major ?? "missing"}, server ${major})`, () => {
  beforeAll(async () => {
    await ensureDatabase(adminUrlOf(url), name);
    await query(
      `CREATE TABLE plan_note (id int PRIMARY KEY, body text NOT NULL); INSERT INTO plan_note VALUES (1, '物流 first'), (2, 'second')`,
    );
  });

  afterAll(async () => {
    await dropDatabase(adminUrlOf(url), name);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("restores a backup over changed data", async () => {
    const backup = await script("db-backup.ts", ["--out", file]);
    expect(backup.stdout).toContain(`Backed up ${name}`);
    expect(fs.statSync(file).size).toBeGreaterThan(0);

    await query(
      `DELETE FROM plan_note WHERE id = 1; UPDATE plan_note SET body = 'changed' WHERE id = 2; CREATE TABLE later_table (x int)`,
    );

    const refused = await script("db-restore.ts", [file]).catch((error: { code: number; stderr: string }) => error);
    expect("code" in refused && refused.code).toBe(1);
    expect(await query("SELECT id, body FROM plan_note ORDER BY id")).toEqual([{ id: 2, body: "changed" }]);

    const restored = await script("db-restore.ts", [file, "--yes"]);
    expect(restored.stdout).toContain(`Restored ${name}`);
    expect(await query("SELECT id, body FROM plan_note ORDER BY id")).toEqual([
      { id: 1, body: "物流 first" },
      { id: 2, body: "second" },
    ]);
  }, 60_000);
});
