import "server-only";
import { db } from "@/lib/db";
import { DILEMMA_CODES, type DilemmaCode } from "@/lib/catalog/types";
import { rankDilemmaGaps, type DilemmaGap } from "@/lib/guide/guide";
import { indicatorProgress, expectedProgress, toPercent } from "@/lib/progress/formula";
import { dilemmaProgressOfPlansBefore } from "@/lib/progress/progress-at";
import { OPEN_STATUSES } from "@/lib/tasks/status";
import { addDaysIso, mondayOf, todayIn, zonedTime } from "@/lib/time";

/**
 * A Monday-to-Sunday week in a time zone: `monday` and `sunday` are calendar
 * days, `start` and `end` the instants its Monday and the next Monday begin there.
 */
export type Week = { monday: string; sunday: string; start: Date; end: Date; timeZone: string };

/** The week whose Monday is `monday` (any day of it is moved to its Monday) in a time zone. */
export function weekOf(day: string, timeZone: string): Week {
  const monday = mondayOf(day);
  return {
    monday,
    sunday: addDaysIso(monday, 6),
    start: zonedTime(monday, 0, timeZone),
    end: zonedTime(addDaysIso(monday, 7), 0, timeZone),
    timeZone,
  };
}

/** The week `now` falls in, in a time zone. */
export function currentWeek(timeZone: string, now = new Date()): Week {
  return weekOf(todayIn(timeZone, now), timeZone);
}

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

const taskSelect = {
  id: true,
  planId: true,
  title: true,
  templateKey: true,
  templateTextZh: true,
  templateTextEn: true,
  status: true,
  dueDate: true,
  completedAt: true,
  assignee: { select: { name: true } },
  plan: { select: { title: true } },
} as const;

export type DigestDilemma = {
  code: DilemmaCode;
  /** Progress (0–1) as the week began and as it ended (or now, for the current week); null: not addressed. */
  start: number | null;
  end: number | null;
  /** end − start in whole percentage points (null when either is null). */
  changePoints: number | null;
};

export type DigestIndicator = {
  id: string;
  name: string;
  unit: string;
  dilemmaCode: string;
  direction: "UP" | "DOWN";
  /** The latest reading before the week, and the latest by its end (null: none yet). */
  start: number | null;
  end: number | null;
  /** Progress from baseline to target at the week's end (0–1), as the indicator pages show it. */
  progress: number | null;
  moved: boolean;
};

/**
 * The weekly digest of a team for a week in a time zone: for each active plan,
 * each dilemma's progress as the week began and ended (replayed from the
 * activity log, lib/progress/progress-at.ts), its indicators that moved or
 * stayed flat, and the dilemmas furthest behind what the plan's elapsed time
 * expects at the week's end (lib/guide); for the team, the tasks done in the
 * week, the tasks that became overdue in it and are still open, and the open
 * tasks due the next week. For the current week "end" is `now`. Only the
 * team's own rows are read. The This week page and the Monday mail show this.
 */
export async function computeWeeklyDigest({
  teamId,
  week,
  now = new Date(),
}: {
  teamId: string;
  week: Week;
  now?: Date;
}) {
  const until = new Date(Math.min(week.end.getTime(), now.getTime()));
  const today = todayIn(week.timeZone, now);
  const plans = await db.plan.findMany({
    where: { teamId, status: "ACTIVE" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, startDate: true, targetDate: true },
  });
  const planIds = plans.map((p) => p.id);
  // Still to do when the week ended (or now): open now, or done/cancelled only after the week.
  const openAtEnd = {
    OR: [{ status: { in: [...OPEN_STATUSES] } }, { status: "DONE" as const, completedAt: { gte: until } }],
  };
  const lastOverdueDue = addDaysIso(today < week.sunday ? today : week.sunday, -1);
  const [done, newlyOverdue, dueNextWeek, indicators, planStates] = await Promise.all([
    db.task.findMany({
      where: { teamId, planId: { in: planIds }, status: "DONE", completedAt: { gte: week.start, lt: until } },
      orderBy: [{ completedAt: "asc" }, { id: "asc" }],
      select: taskSelect,
    }),
    // A task due on day d is overdue from d + 1: those whose first overdue day fell in the week.
    db.task.findMany({
      where: {
        teamId,
        planId: { in: planIds },
        dueDate: { gte: utcDay(addDaysIso(week.monday, -1)), lte: utcDay(lastOverdueDue) },
        ...openAtEnd,
      },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: taskSelect,
    }),
    db.task.findMany({
      where: {
        teamId,
        planId: { in: planIds },
        dueDate: { gte: utcDay(addDaysIso(week.monday, 7)), lte: utcDay(addDaysIso(week.monday, 13)) },
        ...openAtEnd,
      },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: taskSelect,
    }),
    db.indicator.findMany({
      where: { teamId, planId: { in: planIds } },
      orderBy: [{ dilemmaCode: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        planId: true,
        name: true,
        unit: true,
        dilemmaCode: true,
        direction: true,
        baseline: true,
        target: true,
        readings: {
          where: { teamId, recordedOn: { lte: utcDay(week.sunday) } },
          orderBy: [{ recordedOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
          select: { value: true, recordedOn: true },
        },
      },
    }),
    // Every active plan replayed at the week's start and at its end (or now), one query each.
    Promise.all([
      dilemmaProgressOfPlansBefore(db, { teamId, planIds, before: week.start }),
      dilemmaProgressOfPlansBefore(db, { teamId, planIds, before: until }),
    ]),
  ]);
  const [startOf, endOf] = planStates;

  const weekStartDay = utcDay(week.monday);
  const planDigests = plans.map((plan) => {
    const atStart = startOf.get(plan.id)!;
    const atEnd = endOf.get(plan.id)!;
    const dilemmas: DigestDilemma[] = DILEMMA_CODES.map((code) => {
      const start = atStart[code].progress;
      const end = atEnd[code].progress;
      return {
        code,
        start,
        end,
        changePoints: start === null || end === null ? null : toPercent(end) - toPercent(start),
      };
    });
    const expected = expectedProgress(plan.startDate, plan.targetDate, until);
    const behind: DilemmaGap[] = rankDilemmaGaps(
      DILEMMA_CODES.map((code) => ({
        code,
        progress: atEnd[code].progress,
        taskCount: atEnd[code].taskCount,
      })),
      expected,
    ).filter((g) => g.behindPoints !== null && g.behindPoints > 0);
    const planIndicators: DigestIndicator[] = indicators
      .filter((ind) => ind.planId === plan.id)
      .map((ind) => {
        const before = ind.readings.filter((r) => r.recordedOn < weekStartDay).at(-1);
        const last = ind.readings.at(-1);
        const start = before ? Number(before.value) : null;
        const end = last ? Number(last.value) : null;
        const baseline = Number(ind.baseline);
        return {
          id: ind.id,
          name: ind.name,
          unit: ind.unit,
          dilemmaCode: ind.dilemmaCode,
          direction: ind.direction,
          start,
          end,
          progress: indicatorProgress({ baseline, target: Number(ind.target), current: end }),
          moved: end !== null && end !== (start ?? baseline),
        };
      });
    return {
      id: plan.id,
      title: plan.title,
      expected,
      dilemmas,
      behind,
      indicatorsMoved: planIndicators.filter((x) => x.moved),
      indicatorsFlat: planIndicators.filter((x) => !x.moved),
    };
  });

  return { week, until, plans: planDigests, done, newlyOverdue, dueNextWeek };
}

export type WeeklyDigest = Awaited<ReturnType<typeof computeWeeklyDigest>>;
export type DigestTask = WeeklyDigest["done"][number];

/** Whether a digest has anything to tell (no active plan: nothing). */
export const digestIsEmpty = (digest: WeeklyDigest) => digest.plans.length === 0;
