// The scheduled backup and the weekly restore check on the test database: a run
// is recorded, old copies are pruned to the policy, the copy restores and
// matches, and a failure is recorded and shown until a later success.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { findPgTool, serverMajor } from "@/lib/backups/pg-tools";
import { scheduledBackupName } from "@/lib/backups/retention";
import { backupStatus, runRestoreCheck, runScheduledBackup } from "./backups";

const major = await serverMajor(getEnv().DATABASE_URL);
const canDump = (findPgTool("pg_dump", major)?.major ?? 0) >= major;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pathwise-backups-"));

beforeAll(async () => {
  await db.backupRun.deleteMany();
});

afterAll(async () => {
  await db.backupRun.deleteMany();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!canDump)("scheduled backups", () => {
  it("backs up, prunes old copies, verifies by restoring, and shows a failure until a success", async () => {
    const now = new Date("2026-12-02T02:30:00Z"); // a Wednesday
    const daysBack = (n: number) => scheduledBackupName(new Date(now.getTime() - n * 86_400_000));
    // Twelve older daily copies (fake files: 12-01 back to 11-20), a manual backup and a pre-migration backup.
    const old = Array.from({ length: 12 }, (_, i) => daysBack(i + 1));
    for (const name of [...old, "manual-x.dump", "pre-migrate-x.dump"]) fs.writeFileSync(path.join(dir, name), "x");
    fs.writeFileSync(path.join(dir, `${daysBack(12)}.json`), "{}");

    const run = await runScheduledBackup({ dir, now });
    expect(run).toMatchObject({ kind: "BACKUP", status: "OK", file: scheduledBackupName(now) });
    expect(run.tables).toBeGreaterThan(20);
    const left = fs.readdirSync(dir);
    expect(left).toEqual(expect.arrayContaining([run.file, `${run.file}.json`, "manual-x.dump", "pre-migrate-x.dump"]));
    // Kept: 7 days (12-02 … 11-26) and the newest of the weeks of 11-23 (11-29) and 11-16 (11-22).
    expect(old.filter((name) => !left.includes(name))).toEqual([
      daysBack(7),
      daysBack(8),
      daysBack(9),
      daysBack(11),
      daysBack(12),
    ]);
    expect(left).not.toContain(`${daysBack(12)}.json`);

    const verified = await runRestoreCheck({ dir });
    expect(verified).toMatchObject({ kind: "VERIFY", status: "OK", file: run.file });

    const blocked = path.join(dir, "not-a-directory");
    fs.writeFileSync(blocked, "x");
    await expect(runScheduledBackup({ dir: blocked })).rejects.toThrow();
    const status = await backupStatus();
    expect(status).toMatchObject({
      lastBackupAt: run.finishedAt,
      lastBackupFile: run.file,
      lastVerifiedAt: verified!.finishedAt,
      failure: { kind: "BACKUP", error: expect.any(String) },
    });

    // A later good backup clears the failure.
    await db.backupRun.create({ data: { kind: "BACKUP", status: "OK", file: "later.dump", startedAt: new Date() } });
    expect((await backupStatus()).failure).toBeNull();
  }, 120_000);
});
