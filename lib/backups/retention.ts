// Which scheduled backups to keep: the newest of each of the last 7 days that
// have one, and the newest of each of the last 4 weeks (Monday to Sunday, UTC)
// that have one. Pure: the job lists the directory and deletes the rest.

export type DatedBackup = { name: string; at: Date };
export type RetentionPolicy = { daily: number; weekly: number };

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4 };

const PREFIX = "pathwise-";
const NAME_PATTERN = /^pathwise-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.dump$/;

/** The file name of a scheduled backup taken at `at` (sortable; colons are not portable in file names). */
export function scheduledBackupName(at: Date): string {
  return `${PREFIX}${at.toISOString().slice(0, 19).replaceAll(":", "-")}Z.dump`;
}

/** When a scheduled backup was taken, from its name; undefined for any other file. */
export function parseScheduledBackupName(name: string): Date | undefined {
  const match = NAME_PATTERN.exec(name);
  if (!match) return undefined;
  const at = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

const dayKey = (at: Date) => at.toISOString().slice(0, 10);

function weekKey(at: Date): string {
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return dayKey(monday);
}

function newestPerPeriod(sorted: DatedBackup[], key: (at: Date) => string, periods: number): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const backup of sorted) {
    const k = key(backup.at);
    if (seen.has(k)) continue;
    if (seen.size >= periods) break;
    seen.add(k);
    kept.push(backup.name);
  }
  return kept;
}

/** Splits backups into those to keep and those to delete under the policy. */
export function applyRetention(
  backups: DatedBackup[],
  policy: RetentionPolicy = DEFAULT_RETENTION,
): { keep: string[]; remove: string[] } {
  const sorted = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime() || b.name.localeCompare(a.name));
  const keep = new Set([
    ...newestPerPeriod(sorted, dayKey, policy.daily),
    ...newestPerPeriod(sorted, weekKey, policy.weekly),
  ]);
  return {
    keep: sorted.filter((b) => keep.has(b.name)).map((b) => b.name),
    remove: sorted.filter((b) => !keep.has(b.name)).map((b) => b.name),
  };
}
