import { describe, expect, it } from "vitest";
import { applyRetention, parseScheduledBackupName, scheduledBackupName, type DatedBackup } from "./retention";

const at = (iso: string): DatedBackup => {
  const date = new Date(iso);
  return { name: scheduledBackupName(date), at: date };
};

/** One backup a day at 02:30 UTC for `days` days ending on `last` (newest first). */
function daily(last: string, days: number): DatedBackup[] {
  const end = new Date(`${last}T02:30:00Z`).getTime();
  return Array.from({ length: days }, (_, i) => at(new Date(end - i * 86_400_000).toISOString()));
}

describe("backup names", () => {
  it("round-trips the time and ignores other files", () => {
    const when = new Date("2026-12-02T02:30:05Z");
    expect(scheduledBackupName(when)).toBe("pathwise-2026-12-02T02-30-05Z.dump");
    expect(parseScheduledBackupName(scheduledBackupName(when))).toEqual(when);
    expect(parseScheduledBackupName("pre-migrate-2026-12-02T02-30-05Z.dump")).toBeUndefined();
    expect(parseScheduledBackupName("pathwise-2026-12-02T02-30-05Z.dump.json")).toBeUndefined();
    expect(parseScheduledBackupName("pathwise-2026-13-45T02-30-05Z.dump")).toBeUndefined();
  });
});

describe("applyRetention (7 daily, 4 weekly)", () => {
  it("keeps everything while there are fewer than 7 days", () => {
    const backups = daily("2026-12-02", 5);
    expect(applyRetention(backups)).toEqual({ keep: backups.map((b) => b.name), remove: [] });
  });

  it("keeps the last 7 days and the newest of each of the last 4 weeks", () => {
    // 2026-12-02 is a Wednesday; 40 days back reaches late October.
    const backups = daily("2026-12-02", 40);
    const { keep, remove } = applyRetention(backups);
    const keptDays = keep.map((n) => n.slice(9, 19));
    expect(keptDays).toEqual([
      "2026-12-02",
      "2026-12-01",
      "2026-11-30", // Monday: this week's newest is 12-02, already kept
      "2026-11-29", // Sunday: newest of the week of 11-23
      "2026-11-28",
      "2026-11-27",
      "2026-11-26",
      "2026-11-22", // newest of the week of 11-16
      "2026-11-15", // newest of the week of 11-09
    ]);
    expect(keep.length + remove.length).toBe(40);
    expect(remove).toContain(scheduledBackupName(new Date("2026-11-25T02:30:00Z")));
  });

  it("keeps only the newest backup of a day", () => {
    const backups = [at("2026-12-02T02:30:00Z"), at("2026-12-02T14:00:00Z"), at("2026-12-01T02:30:00Z")];
    expect(applyRetention(backups)).toEqual({
      keep: [backups[1]!.name, backups[2]!.name],
      remove: [backups[0]!.name],
    });
  });

  it("counts days that have backups, not calendar days (a gap keeps older ones)", () => {
    const backups = [...daily("2026-12-02", 3), ...daily("2026-11-20", 6)];
    const { keep } = applyRetention(backups, { daily: 7, weekly: 0 });
    expect(keep).toEqual(backups.slice(0, 7).map((b) => b.name));
  });
});
