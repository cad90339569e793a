import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TaskDependencies, type DependencyTask } from "@/components/tasks/task-dependencies";
import { barOf, startsBeforeBlockerEnds } from "@/components/tasks/timeline-math";
import { Card } from "@/components/ui/card";
import { findPlanTaskChoices, getTaskDependencies, type LinkedTask } from "@/lib/dependencies/dependencies";
import { displayTitle } from "@/lib/tasks/display-title";

/**
 * The task page's "Blocked by" and "Blocking" lists, with adding and removing
 * blockers when `canEdit` (a separate card, loaded on its own, beside the task form).
 */
export async function TaskDependenciesSection({
  team,
  task,
  canEdit,
}: {
  team: { id: string; slug: string };
  task: { id: string; planId: string; startDate: Date | null; dueDate: Date | null };
  canEdit: boolean;
}) {
  const { id: teamId, slug: teamSlug } = team;
  const { id: taskId, planId } = task;
  const [{ blockedBy, blocking }, choices, locale, format, ts] = await Promise.all([
    getTaskDependencies({ teamId, taskId }),
    canEdit ? findPlanTaskChoices({ teamId, planId }) : Promise.resolve([]),
    getLocale(),
    getFormatter(),
    getTranslations("enums.taskStatus"),
  ]);
  const td = await getTranslations("dependencies");
  const nameOf = (task: LinkedTask) =>
    task.templateKey ? `${task.templateKey} · ${displayTitle(task, locale)}` : displayTitle(task, locale);
  const shown = (task: LinkedTask): DependencyTask => ({
    id: task.id,
    href: `/t/${teamSlug}/plans/${task.planId}/tasks/${task.id}`,
    name: nameOf(task),
    status: task.status,
    statusLabel: ts(task.status),
    due: task.dueDate ? format.dateTime(task.dueDate, { dateStyle: "medium", timeZone: "UTC" }) : null,
  });
  // As on the timeline: this task is warned of each blocker it starts before (on or before its due date).
  const own = barOf(task);
  const early = (blocker: LinkedTask): string | undefined => {
    const span = barOf(blocker);
    if (!own || !span || !startsBeforeBlockerEnds(span, own)) return undefined;
    return td("startsEarly", {
      blocker: nameOf(blocker),
      due: format.dateTime(span.end, { dateStyle: "medium", timeZone: "UTC" }),
    });
  };
  const taken = new Set([taskId, ...blockedBy.map((t) => t.id)]);
  return (
    <Card>
      <TaskDependencies
        teamSlug={teamSlug}
        taskId={taskId}
        blockedBy={blockedBy.map((b) => ({ ...shown(b), warning: early(b) }))}
        blocking={blocking.map(shown)}
        choices={choices.filter((t) => !taken.has(t.id)).map(shown)}
        canEdit={canEdit}
      />
    </Card>
  );
}
