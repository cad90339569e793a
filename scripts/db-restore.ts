// npm run db:restore -- FILE [--yes]: replaces the contents of DATABASE_URL, or of
// the embedded database, with a backup made by db:backup (pg_restore --clean
// --if-exists in one transaction: all of it or nothing), then compares every
// table with the backup's manifest. Asks first unless --yes or CI is set.
import fs from "node:fs";
import readline from "node:readline/promises";
import { compareFingerprints, fingerprintDatabase, readManifest, restoreBackup } from "../lib/backups/backup";
import { StartupError } from "./lib/postgres";
import { pgToolFor, scriptDatabase } from "./lib/pg-tools";

async function confirmed(description: string): Promise<boolean> {
  if (process.argv.includes("--yes") || process.env.CI) return true;
  if (!process.stdin.isTTY)
    throw new StartupError("Refusing to restore without confirmation: run in a terminal, or pass --yes.");
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`This replaces the data of ${description}. Type "restore" to go on: `);
    return answer.trim() === "restore";
  } finally {
    rl.close();
  }
}

async function main() {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  if (!file) throw new StartupError("Usage: npm run db:restore -- <file.dump> [--yes]");
  if (!fs.existsSync(file)) throw new StartupError(`No such backup: ${file}`);
  const database = await scriptDatabase();
  try {
    const pgRestore = await pgToolFor("pg_restore", database.url);
    if (!(await confirmed(database.description))) {
      console.log("Not restored.");
      process.exitCode = 1;
      return;
    }
    await restoreBackup(database.url, file, { tool: pgRestore }).catch((error: Error) => {
      throw new StartupError(`Restore failed, nothing was changed: ${error.message}`);
    });
    console.log(`Restored ${database.description} from ${file}.`);
    const manifest = readManifest(file);
    if (manifest) {
      const restored = new Set(manifest.tables.map((t) => t.table));
      const actual = (await fingerprintDatabase(database.url)).filter((t) => restored.has(t.table));
      const problems = compareFingerprints(manifest.tables, actual);
      // A running app writes right after the restore (sessions, job queue), so differences are reported, not fatal.
      if (problems.length === 0) console.log(`Checked: all ${manifest.tables.length} tables match the backup.`);
      else
        console.log(
          `Differences from the backup (expected only if the app wrote meanwhile):\n  ${problems.join("\n  ")}`,
        );
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
});
