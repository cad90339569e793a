import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import { INVITATION_TTL_MS } from "@/lib/invitations/create-invitation";
import { parseTeamArchive, type TeamArchive } from "@/lib/team-archive/archive";
import { newToken } from "@/lib/tokens";
import { slugify } from "@/lib/validation/team";

const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);
const timeOf = (iso: string) => new Date(iso);
/** A new row id shaped like Prisma's cuid() ids (25 characters starting with "c"). */
const createId = () => `c${randomBytes(12).toString("hex")}`;

export type ImportResult = {
  team: { id: string; name: string; slug: string };
  /** Members of the archive who have an account here: they joined with their role. */
  joined: { email: string; role: string }[];
  /** Members without an account here: invited with their role (the owner sends the links from the members page). */
  invited: { email: string; role: string }[];
};

/**
 * Imports an archive as a new team with new ids: the importer is its OWNER,
 * archive members with an account here join with their role, the others are
 * invited. All in one transaction: a refused archive changes nothing.
 */
export async function importTeam({ userId, bytes }: { userId: string; bytes: Uint8Array }): Promise<ImportResult> {
  const archive = parseTeamArchive(bytes);
  await checkCatalog(archive);
  const importer = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const others = archive.members.filter((m) => m.email !== importer.email);
  const users = await db.user.findMany({
    where: { email: { in: others.map((m) => m.email) } },
    select: { id: true, email: true },
  });
  const userOf = new Map(users.map((u) => [u.email, u.id]));
  userOf.set(importer.email, userId);
  const person = (email: string | null) => (email ? (userOf.get(email) ?? null) : null);

  const slug = await freeSlug(slugify(archive.team.slug));
  const newId = new Map<string, string>();
  const remap = (old: string) => {
    let id = newId.get(old);
    if (!id) newId.set(old, (id = createId()));
    return id;
  };
  const mapped = (old: string | null) => (old === null ? null : remap(old));

  return db.$transaction(
    async (tx) => {
      const team = await tx.team.create({
        data: { name: archive.team.name, slug },
        select: { id: true, name: true, slug: true },
      });
      const teamId = team.id;
      const joined = others.filter((m) => userOf.has(m.email));
      const invited = others.filter((m) => !userOf.has(m.email));
      await tx.membership.createMany({
        data: [
          { teamId, userId, role: "OWNER" },
          ...joined.map((m) => ({ teamId, userId: userOf.get(m.email) as string, role: m.role })),
        ],
      });
      await tx.invitation.createMany({
        data: invited.map((m) => ({
          teamId,
          email: m.email,
          role: m.role,
          tokenHash: newToken().tokenHash,
          invitedById: userId,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        })),
      });
      await tx.plan.createMany({
        data: archive.plans.map((p) => ({
          id: remap(p.id),
          teamId,
          title: p.title,
          description: p.description,
          status: p.status,
          startDate: dateOf(p.startDate),
          targetDate: dateOf(p.targetDate),
          catalogVersion: p.catalogVersion,
          createdById: person(p.createdBy),
          createdAt: timeOf(p.createdAt),
        })),
      });
      await tx.task.createMany({
        data: archive.tasks.map((t) => ({
          id: remap(t.id),
          teamId,
          planId: remap(t.planId),
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
          assigneeId: person(t.assignee),
          dueDate: t.dueDate ? dateOf(t.dueDate) : null,
          progress: t.progress,
          progressBeforeDone: t.progressBeforeDone,
          sortOrder: t.sortOrder,
          createdById: person(t.createdBy),
          createdAt: timeOf(t.createdAt),
          completedAt: t.completedAt ? timeOf(t.completedAt) : null,
        })),
      });
      await tx.taskDilemma.createMany({
        data: archive.dilemmaLinks.map((l) => ({
          teamId,
          taskId: remap(l.taskId),
          dilemmaCode: l.dilemmaCode,
          weight: l.weight,
        })),
      });
      await tx.comment.createMany({
        data: archive.comments.map((c) => ({
          id: remap(c.id),
          teamId,
          taskId: remap(c.taskId),
          authorId: person(c.author),
          body: c.body,
          createdAt: timeOf(c.createdAt),
          deletedAt: c.deletedAt ? timeOf(c.deletedAt) : null,
        })),
      });
      await tx.indicator.createMany({
        data: archive.indicators.map((i) => ({
          id: remap(i.id),
          teamId,
          planId: remap(i.planId),
          dilemmaCode: i.dilemmaCode,
          suggestedKey: i.suggestedKey,
          name: i.name,
          unit: i.unit,
          direction: i.direction,
          baseline: i.baseline,
          target: i.target,
          targetDate: i.targetDate ? dateOf(i.targetDate) : null,
          createdAt: timeOf(i.createdAt),
        })),
      });
      await tx.indicatorReading.createMany({
        data: archive.readings.map((r) => ({
          id: remap(r.id),
          teamId,
          indicatorId: remap(r.indicatorId),
          value: r.value,
          recordedOn: dateOf(r.recordedOn),
          note: r.note,
          createdById: person(r.createdBy),
          createdAt: timeOf(r.createdAt),
        })),
      });
      // The log keeps its order; ids of rows the archive holds are remapped, others (memberships, invitations, deleted rows) stay as they were.
      const entity = (old: string) => newId.get(old) ?? old;
      await tx.activityEvent.createMany({
        data: archive.activity.map((e) => ({
          teamId,
          planId: mapped(e.planId),
          taskId: mapped(e.taskId),
          actorId: person(e.actor),
          kind: e.kind,
          entityType: e.entityType,
          entityId: e.entityType === "team" ? teamId : entity(e.entityId),
          before: e.before ?? undefined,
          after: e.after ?? undefined,
          createdAt: timeOf(e.createdAt),
        })),
      });
      return {
        team,
        joined: joined.map((m) => ({ email: m.email, role: m.role })),
        invited: invited.map((m) => ({ email: m.email, role: m.role })),
      };
    },
    { timeout: 60_000 },
  );
}

/** Every catalog code the archive uses exists here; unknown templates and suggested indicators are dropped, like deleted ones. */
async function checkCatalog(archive: TeamArchive): Promise<void> {
  const [areas, paths, dilemmas, templates, suggested] = await Promise.all([
    db.area.findMany({ select: { code: true } }),
    db.path.findMany({ select: { code: true } }),
    db.dilemma.findMany({ select: { code: true } }),
    db.taskTemplate.findMany({ select: { key: true } }),
    db.suggestedIndicator.findMany({ select: { key: true } }),
  ]);
  const known = new Set([...areas, ...paths, ...dilemmas].map((r) => r.code));
  const used = [
    ...archive.tasks.flatMap((t) => [t.areaCode, t.pathCode]),
    ...archive.dilemmaLinks.map((l) => l.dilemmaCode),
    ...archive.indicators.map((i) => i.dilemmaCode),
  ];
  const unknown = used.find((code) => !known.has(code));
  if (unknown) throw new AppError("VALIDATION", { userMessage: msg("archiveCatalogUnknown", { code: unknown }) });
  const templateKeys = new Set(templates.map((t) => t.key));
  for (const t of archive.tasks) if (t.templateKey && !templateKeys.has(t.templateKey)) t.templateKey = null;
  const suggestedKeys = new Set(suggested.map((s) => s.key));
  for (const i of archive.indicators) if (i.suggestedKey && !suggestedKeys.has(i.suggestedKey)) i.suggestedKey = null;
}

/** The slug, or the slug with a random suffix when a team has it. */
async function freeSlug(base: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base.slice(0, 40)}-${randomBytes(3).toString("hex")}`;
    if (!(await db.team.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
  throw new AppError("CONFLICT", { userMessage: msg("noFreeTeamAddress") });
}
