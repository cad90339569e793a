"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  chosenTemplateKeys,
  startToday,
  templatesDueInPast,
  type WizardAreaView,
  type WizardMember,
  type WizardState,
} from "@/lib/plans/wizard-state";

type Props = {
  headingRef: RefObject<HTMLHeadingElement | null>;
  headingId: string;
  catalog: WizardAreaView[];
  members: WizardMember[];
  state: WizardState;
  /** The status being created, while the request runs. */
  pendingStatus: "DRAFT" | "ACTIVE" | null;
  /** The reader's calendar day, "YYYY-MM-DD". */
  today: string;
  onChange: (change: (current: WizardState) => WizardState) => void;
  onBack: () => void;
  onCreate: (status: "DRAFT" | "ACTIVE") => void;
};

/** Step 4: a summary of the plan and the two ways to create it. */
export function WizardReviewStep({
  headingRef,
  headingId,
  catalog,
  members,
  state,
  pendingStatus,
  today,
  onChange,
  onBack,
  onCreate,
}: Props) {
  const t = useTranslations("wizard");
  const format = useFormatter();
  const keys = chosenTemplateKeys(state);
  const chosen = catalog.filter((area) => state.areas.includes(area.code));
  const formatDate = (value: string) =>
    format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const isPending = pendingStatus !== null;
  const pastDue = templatesDueInPast(state, today);

  return (
    <Card>
      <section aria-labelledby={headingId} className="flex flex-col gap-4">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
          {t("review.heading")}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
          <dt className="text-sm font-medium text-slate-600">{t("review.planTitle")}</dt>
          <dd className="break-words">{state.title}</dd>
          {state.description ? (
            <>
              <dt className="text-sm font-medium text-slate-600">{t("review.description")}</dt>
              <dd className="whitespace-pre-line break-words text-sm">{state.description}</dd>
            </>
          ) : null}
          <dt className="text-sm font-medium text-slate-600">{t("review.dates")}</dt>
          <dd className="flex flex-col gap-2">
            <span>
              {t("review.dateRange", { start: formatDate(state.startDate), target: formatDate(state.targetDate) })}
            </span>
            {pastDue.length > 0 ? (
              <span
                role="status"
                className="flex flex-col items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
              >
                <span>{t("review.pastDue", { count: pastDue.length, today: formatDate(today) })}</span>
                <Button
                  type="button"
                  variant="secondary"
                  className="px-2 py-1"
                  onClick={() => onChange((s) => startToday(s, today))}
                >
                  {t("review.startToday")}
                </Button>
              </span>
            ) : null}
          </dd>
          <dt className="text-sm font-medium text-slate-600">{t("review.tasks")}</dt>
          <dd className="flex flex-col gap-2">
            {chosen.length === 0 ? (
              <p className="text-sm text-slate-700">{t("review.blank")}</p>
            ) : (
              <>
                <ul className="flex flex-col gap-2">
                  {chosen.map((area) => {
                    const count = area.templates.filter((template) => keys.includes(template.key)).length;
                    const assignee = members.find((m) => m.userId === state.assignees[area.code]);
                    return (
                      <li key={area.code} className="text-sm">
                        <span className="font-medium">
                          {area.code} · {area.name}
                        </span>
                        <span className="block text-slate-700">
                          {t("review.areaTasks", { count })} ·{" "}
                          {assignee ? t("review.assignee", { name: assignee.name }) : t("review.noAssignee")}
                        </span>
                      </li>
                    );
                  })}
                </ul>
                <p className="text-sm font-medium">{t("review.total", { count: keys.length })}</p>
              </>
            )}
          </dd>
        </dl>
        <p className="text-sm text-slate-600">{t("review.statusHint")}</p>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-between">
          <Button type="button" variant="secondary" onClick={onBack} disabled={isPending}>
            {t("back")}
          </Button>
          <div className="flex flex-col-reverse gap-2 sm:flex-row">
            <Button
              type="button"
              variant="secondary"
              onClick={() => onCreate("DRAFT")}
              isPending={pendingStatus === "DRAFT"}
              disabled={isPending}
            >
              {t("createDraft")}
            </Button>
            <Button
              type="button"
              onClick={() => onCreate("ACTIVE")}
              isPending={pendingStatus === "ACTIVE"}
              disabled={isPending}
            >
              {t("createAndStart")}
            </Button>
          </div>
        </div>
      </section>
    </Card>
  );
}
