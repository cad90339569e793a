import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { TaskForm } from "@/components/tasks/task-form";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/authz";
import { areas, dilemmas, paths } from "@/lib/catalog/catalog";
import { localize } from "@/lib/i18n/config";
import { findMembers } from "@/lib/members/find-members";
import { getPlan } from "@/lib/plans/get-plan";
import { getTeamContext } from "@/lib/server/team-context";
import { toDateInput } from "@/lib/validation/common";

export default async function NewTaskPage({ params }: { params: Promise<{ teamSlug: string; planId: string }> }) {
  const { teamSlug, planId } = await params;
  const { team, role } = await getTeamContext(teamSlug);
  const plan = await getPlan({ teamId: team.id, planId });
  const [members, locale, t] = await Promise.all([
    findMembers({ teamId: team.id }),
    getLocale(),
    getTranslations("task"),
  ]);
  const isWritable = can(role, "tasks.write") && plan.status !== "ARCHIVED";
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/t/${team.slug}/plans/${plan.id}`} className="text-sm text-brand-700 underline">
        ← {plan.title}
      </Link>
      <h1 className="text-2xl font-semibold">{t("newHeading")}</h1>
      <Card>
        {isWritable ? (
          <TaskForm
            mode="create"
            planId={plan.id}
            teamSlug={team.slug}
            taskId="new"
            initial={{
              title: "",
              description: "",
              areaCode: "R1",
              pathCode: "P1",
              dilemmas: [],
              priority: "MEDIUM",
              status: "TODO",
              assigneeId: null,
              startDate: "",
              dueDate: "",
              progress: 0,
              version: 1,
            }}
            members={members.map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email }))}
            areas={areas.map((a) => ({ code: a.code, label: `${a.code} · ${localize(a.name, locale)}` }))}
            paths={paths.map((p) => ({ code: p.code, label: `${p.code} · ${localize(p.name, locale)}` }))}
            dilemmas={dilemmas.map((d) => ({ code: d.code, label: `${d.code} · ${localize(d.name, locale)}` }))}
            minDueDate={toDateInput(plan.startDate)}
            isTemplateTitle={false}
          />
        ) : (
          <p>{plan.status === "ARCHIVED" ? t("readOnlyArchived") : t("readOnlyViewer")}</p>
        )}
      </Card>
    </div>
  );
}
