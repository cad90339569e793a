// db:backup and db:restore end to end: the whole test database (every migration,
// real rows) backed up and restored into an empty database gives every table the
// same row count and checksum; the weekly check proves the same in a throw-away
// database; and on a throw-away database: back up, change the data, restore, and
// the data is back; without confirmation nothing changes.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareFingerprints, fingerprintDatabase, readManifest, verifyBackup } from "@/lib/backups/backup";
import { createTestUser } from "@/lib/testing/factories";
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

// pg_dump refuses servers newer than itself (Debian 12 ships 15, as does the embedded server).
const major = await serverMajor(baseUrl);
const pgDump = findPgTool("pg_dump", major);
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

describe.skipIf(!canDump)(`the whole database backed up and restored (server ${major})`, () => {
  const empty = `pathwise_restore_${crypto.randomBytes(4).toString("hex")}`;
  const emptyUrl = (() => {
    const u = new URL(baseUrl);
    u.pathname = `/${empty}`;
    return u.toString();
  })();
  const whole = path.join(dir, "whole.dump");

  afterAll(async () => {
    await dropDatabase(adminUrlOf(emptyUrl), empty);
  });

  it("restores into an empty database with every table's row count and checksum", async () => {
    const user = await createTestUser({ name: "备份 测试 ✓" });
    const backup = await script("db-backup.ts", ["--out", whole], { DATABASE_URL: baseUrl });
    expect(backup.stdout).toMatch(/Backed up .* tables\)/);
    const manifest = readManifest(whole)!;
    const users = manifest.tables.find((t) => t.table === "public.User");
    expect(users?.rows).toBeGreaterThanOrEqual(1);
    expect(manifest.tables.length).toBeGreaterThan(20);

    await ensureDatabase(adminUrlOf(emptyUrl), empty);
    const restored = await script("db-restore.ts", [whole, "--yes"], { DATABASE_URL: emptyUrl });
    expect(restored.stdout).toContain(`Checked: all ${manifest.tables.length} tables match the backup.`);

    const after = await fingerprintDatabase(emptyUrl);
    expect(compareFingerprints(manifest.tables, after)).toEqual([]);
    const client = new pg.Client({ connectionString: emptyUrl });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT name FROM "User" WHERE id = $1`, [user.id]);
      expect(rows).toEqual([{ name: "备份 测试 ✓" }]);
      // A change after the restore shows up in the comparison: the checksum is not a formality.
      await client.query(`UPDATE "User" SET name = 'changed' WHERE id = $1`, [user.id]);
    } finally {
      await client.end();
    }
    expect(compareFingerprints(manifest.tables, await fingerprintDatabase(emptyUrl))).toEqual([
      "public.User: contents differ",
    ]);
  }, 60_000);

  it("verifies a backup in a throw-away database, and reports a tampered manifest", async () => {
    expect(await verifyBackup(baseUrl, whole)).toMatchObject({ problems: [] });
    const manifest = readManifest(whole)!;
    const tampered = manifest.tables.map((t) => (t.table === "public.User" ? { ...t, rows: t.rows + 1 } : t));
    fs.writeFileSync(`${whole}.json`, JSON.stringify({ ...manifest, tables: tampered }));
    const { problems } = await verifyBackup(baseUrl, whole);
    expect(problems).toEqual([expect.stringMatching(/^public\.User: \d+ rows expected/)]);
  }, 60_000);
});

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
