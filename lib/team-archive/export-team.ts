import "server-only";
import { z } from "zod";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type TeamArchive } from "@/lib/team-archive/archive";

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const iso = (d: Date) => d.toISOString();

/** The whole team as one archive (lib/team-archive/archive.ts): people by email, every row in a stable order. */
export async function buildTeamArchive(teamId: string): Promise<TeamArchive> {
  const where = { teamId };
  const [team, memberships, plans, tasks, links, comments, indicators, readings, events] = await db.$transaction([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true, slug: true } }),
    db.membership.findMany({
      where,
      select: { role: true, user: { select: { email: true, name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.plan.findMany({
      where,
      include: { createdBy: { select: { email: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.task.findMany({
      where,
      include: { assignee: { select: { email: true } }, createdBy: { select: { email: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.taskDilemma.findMany({ where, orderBy: [{ taskId: "asc" }, { dilemmaCode: "asc" }] }),
    db.comment.findMany({
      where,
      include: { author: { select: { email: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.indicator.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.indicatorReading.findMany({
      where,
      include: { createdBy: { select: { email: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.activityEvent.findMany({ where, include: { actor: { select: { email: true } } }, orderBy: { id: "asc" } }),
  ]);
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: new Date().toISOString(),
    team,
    members: memberships.map((m) => ({ email: m.user.email, name: m.user.name, role: m.role })),
    plans: plans.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      status: p.status,
      startDate: dayOf(p.startDate),
      targetDate: dayOf(p.targetDate),
      catalogVersion: p.catalogVersion,
      createdBy: p.createdBy?.email ?? null,
      createdAt: iso(p.createdAt),
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      planId: t.planId,
      areaCode: t.areaCode,
      pathCode: t.pathCode,
      templateKey: t.templateKey,
      templateTextZh: t.templateTextZh,
      templateTextEn: t.templateTextEn,
      templateDescriptionZh: t.templateDescriptionZh,
      templateDescriptionEn: t.templateDescriptionEn,
      title: t.title,
      description: t.description,
      status: t.status,
      priority: t.priority,
      assignee: t.assignee?.email ?? null,
      dueDate: t.dueDate ? dayOf(t.dueDate) : null,
      progress: t.progress,
      progressBeforeDone: t.progressBeforeDone,
      sortOrder: t.sortOrder,
      createdBy: t.createdBy?.email ?? null,
      createdAt: iso(t.createdAt),
      completedAt: t.completedAt ? iso(t.completedAt) : null,
    })),
    dilemmaLinks: links.map((l) => ({ taskId: l.taskId, dilemmaCode: l.dilemmaCode, weight: l.weight })),
    comments: comments.map((c) => ({
      id: c.id,
      taskId: c.taskId,
      author: c.author?.email ?? null,
      body: c.body,
      createdAt: iso(c.createdAt),
      deletedAt: c.deletedAt ? iso(c.deletedAt) : null,
    })),
    indicators: indicators.map((i) => ({
      id: i.id,
      planId: i.planId,
      dilemmaCode: i.dilemmaCode,
      suggestedKey: i.suggestedKey,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      baseline: i.baseline.toString(),
      target: i.target.toString(),
      targetDate: i.targetDate ? dayOf(i.targetDate) : null,
      createdAt: iso(i.createdAt),
    })),
    readings: readings.map((r) => ({
      id: r.id,
      indicatorId: r.indicatorId,
      value: r.value.toString(),
      recordedOn: dayOf(r.recordedOn),
      note: r.note,
      createdBy: r.createdBy?.email ?? null,
      createdAt: iso(r.createdAt),
    })),
    activity: events.map((e) => ({
      kind: e.kind,
      entityType: e.entityType,
      entityId: e.entityId,
      planId: e.planId,
      taskId: e.taskId,
      actor: e.actor?.email ?? null,
      before: (e.before ?? null) as TeamArchive["activity"][number]["before"],
      after: (e.after ?? null) as TeamArchive["activity"][number]["after"],
      createdAt: iso(e.createdAt),
    })),
  };
}

/** The team's archive and a file name for it (owners only: it holds every member's email and the whole log). */
export const exportTeam = defineOperation("team.export", z.object({}), async (ctx) => {
  const archive = await buildTeamArchive(ctx.team.id);
  const filename = `pathwise-team-${ctx.team.slug}-${archive.exportedAt.slice(0, 10)}.json`;
  return { filename, archive };
});
