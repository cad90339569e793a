"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { frameworkHref } from "@/lib/catalog/framework-href";
import type { AreaCode } from "@/lib/catalog/types";
import {
  setDefaultAssignee,
  toggleTemplate,
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
  assigneeErrors: Partial<Record<AreaCode, string>>;
  onChange: (change: (current: WizardState) => WizardState) => void;
  onBack: () => void;
  onNext: () => void;
};

/** Step 3: the templates of each chosen area (all checked at first) and an optional default assignee per area. */
export function WizardTemplatesStep({
  headingRef,
  headingId,
  catalog,
  members,
  state,
  assigneeErrors,
  onChange,
  onBack,
  onNext,
}: Props) {
  const t = useTranslations("wizard");
  const chosen = catalog.filter((area) => state.areas.includes(area.code));

  function setAll(area: WizardAreaView, isChecked: boolean) {
    const keys = area.templates.map((template) => template.key);
    onChange((s) => ({
      ...s,
      off: isChecked ? s.off.filter((key) => !keys.includes(key)) : [...new Set([...s.off, ...keys])],
    }));
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <Card className="flex flex-col gap-1">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
          {t("templates.heading")}
        </h2>
        <p className="text-sm text-slate-600">{chosen.length > 0 ? t("templates.hint") : t("templates.noAreas")}</p>
        {chosen.length > 0 ? (
          <p className="text-sm text-slate-600">
            {t("templates.weightLegend")}{" "}
            <a href={frameworkHref("weights")} target="_blank" rel="noopener" className="text-brand-700 underline">
              {t("templates.weightLegendLink")}
            </a>
          </p>
        ) : null}
      </Card>
      {chosen.map((area) => {
        const checkedCount = area.templates.filter((template) => !state.off.includes(template.key)).length;
        const selectId = `assignee-${area.code}`;
        return (
          <Card key={area.code} className="flex flex-col gap-4">
            <fieldset className="flex min-w-0 flex-col gap-3">
              <legend className="mb-1 font-semibold">
                {area.code} · {area.name}
              </legend>
              <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                <span role="status">
                  {t("templates.selected", { count: checkedCount, total: area.templates.length })}
                </span>
                <Button
                  type="button"
                  variant="ghost"
                  className="px-2 py-1 disabled:opacity-50"
                  onClick={() => setAll(area, true)}
                  disabled={checkedCount === area.templates.length}
                >
                  {t("templates.checkAll")}
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  className="px-2 py-1 disabled:opacity-50"
                  onClick={() => setAll(area, false)}
                  disabled={checkedCount === 0}
                >
                  {t("templates.uncheckAll")}
                </Button>
              </div>
              <ul className="flex flex-col divide-y divide-slate-100">
                {area.templates.map((template) => {
                  const inputId = `template-${template.key}`;
                  return (
                    <li key={template.key} className="py-2">
                      <div className="flex gap-3">
                        <input
                          id={inputId}
                          type="checkbox"
                          checked={!state.off.includes(template.key)}
                          onChange={() => onChange((s) => toggleTemplate(s, template.key))}
                          aria-describedby={`${inputId}-meta`}
                          className="mt-1 size-4 shrink-0 accent-brand-600"
                        />
                        <div className="flex min-w-0 flex-col gap-1">
                          <label htmlFor={inputId} className="cursor-pointer text-sm">
                            <span className="mr-2 font-mono text-xs text-slate-500">{template.key}</span>
                            {template.text}
                          </label>
                          <dl
                            id={`${inputId}-meta`}
                            className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700"
                          >
                            <div className="flex items-center gap-1">
                              <dt className="sr-only">{t("templates.dilemmas")}</dt>
                              <dd>
                                {template.weights.map((w, index) => (
                                  <span key={w.code}>
                                    {index > 0 ? " · " : null}
                                    <a
                                      href={frameworkHref(w.code)}
                                      target="_blank"
                                      rel="noopener"
                                      title={w.name}
                                      className="text-slate-700 hover:underline"
                                    >
                                      {t("templates.weight", { code: w.code, weight: w.weight })}
                                    </a>
                                  </span>
                                ))}
                              </dd>
                            </div>
                            <div className="flex items-center gap-1">
                              <dt className="sr-only">{t("templates.path")}</dt>
                              <dd>
                                <Badge tone="blue">
                                  {template.path.code} · {template.path.name}
                                </Badge>
                              </dd>
                            </div>
                            {template.need !== undefined ? (
                              <div className="flex items-center gap-1">
                                <dt className="sr-only">{t("templates.needLabel")}</dt>
                                <dd>
                                  <Badge tone={template.need >= 1.5 ? "amber" : "slate"}>
                                    {t("templates.need", { value: template.need })}
                                  </Badge>
                                </dd>
                              </div>
                            ) : null}
                            <div className="flex items-center gap-1">
                              <dt className="sr-only">{t("templates.suggestedDuration")}</dt>
                              <dd>{t("templates.duration", { days: template.durationDays })}</dd>
                            </div>
                          </dl>
                        </div>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
            <Select
              id={selectId}
              name={selectId}
              label={t("templates.assignee", { code: area.code })}
              value={state.assignees[area.code] ?? ""}
              onChange={(e) => onChange((s) => setDefaultAssignee(s, area.code, e.target.value || null))}
              error={assigneeErrors[area.code]}
              className="sm:max-w-sm"
            >
              <option value="">{t("templates.noAssignee")}</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {t("templates.member", { name: m.name, email: m.email })}
                </option>
              ))}
            </Select>
          </Card>
        );
      })}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
        <Button type="button" variant="secondary" onClick={onBack}>
          {t("back")}
        </Button>
        <Button type="button" onClick={onNext}>
          {t("next")}
        </Button>
      </div>
    </section>
  );
}
