import "server-only";
import { computeWeeklyDigest, type Week, type WeeklyDigest } from "@/lib/digest/weekly";
import { SharedComputations } from "@/lib/live/shared-computation";
import { teamChangeMarker } from "@/lib/progress/plan-dashboard";

/**
 * One This week computation per team, week and time zone per instance, as the
 * dashboards share theirs (lib/progress/plan-dashboard.ts): the viewers who open
 * the page at once share one, until the team changes (its newest event in commit
 * order) or for at most 30 s, which is also how far behind "now" the current
 * week's figures may be.
 */
export const weeklyDigests: SharedComputations<WeeklyDigest> = ((
  globalThis as unknown as { pathwiseWeeklyDigests?: SharedComputations<WeeklyDigest> }
).pathwiseWeeklyDigests ??= new SharedComputations({ maxEntries: 100, maxAgeMs: 30_000 }));

/** The weekly digest of a team the viewer may read, shared by its viewers until the team changes. */
export async function getSharedWeeklyDigest({ teamId, week, now }: { teamId: string; week: Week; now: Date }) {
  const marker = await teamChangeMarker(teamId);
  return weeklyDigests.get(`${teamId}:${week.monday}:${week.timeZone}`, marker, () =>
    computeWeeklyDigest({ teamId, week, now }),
  );
}
