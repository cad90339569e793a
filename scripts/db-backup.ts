// npm run db:backup [-- --out FILE]: pg_dump (custom format) of DATABASE_URL, or
// of the embedded database, to backups/manual-<time>.dump (outside .data/, so
// it survives wiping that directory), with a manifest of every table's row count and checksum beside
// it (<file>.json) that db:restore and the weekly check compare against.
import path from "node:path";
import { createBackup } from "../lib/backups/backup";
import { scheduledBackupName } from "../lib/backups/retention";
import { ROOT, StartupError } from "./lib/postgres";
import { pgToolFor, scriptDatabase } from "./lib/pg-tools";

function outputFile(): string {
  const at = process.argv.indexOf("--out");
  if (at >= 0) {
    const file = process.argv[at + 1];
    if (!file) throw new StartupError("--out needs a file name.");
    return path.resolve(file);
  }
  const name = scheduledBackupName(new Date()).replace(/^pathwise-/, "manual-");
  return path.join(ROOT, "backups", name);
}

async function main() {
  const database = await scriptDatabase();
  try {
    const file = outputFile();
    const pgDump = await pgToolFor("pg_dump", database.url);
    const { sizeBytes, manifest } = await createBackup(database.url, file, pgDump);
    console.log(
      `Backed up ${database.description} to ${path.relative(process.cwd(), file) || file} (${Math.round(sizeBytes / 1024)} KiB, ${manifest.tables.length} tables).`,
    );
  } catch (error) {
    throw error instanceof StartupError ? error : new StartupError(`Backup failed: ${(error as Error).message}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
});
