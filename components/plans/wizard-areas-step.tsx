"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { frameworkHref } from "@/lib/catalog/framework-href";
import { toggleArea, type WizardAreaView, type WizardState } from "@/lib/plans/wizard-state";

type Props = {
  headingRef: RefObject<HTMLHeadingElement | null>;
  headingId: string;
  catalog: WizardAreaView[];
  state: WizardState;
  onChange: (change: (current: WizardState) => WizardState) => void;
  onBack: () => void;
  onNext: () => void;
  onSkip: () => void;
};

/** Step 2: the four recommendation areas as selectable cards; none is allowed (a blank plan). */
export function WizardAreasStep({ headingRef, headingId, catalog, state, onChange, onBack, onNext, onSkip }: Props) {
  const t = useTranslations("wizard");
  return (
    <Card>
      <section aria-labelledby={headingId} className="flex flex-col gap-4">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
          {t("areas.heading")}
        </h2>
        <fieldset className="flex flex-col gap-3" aria-describedby="areas-hint">
          <legend className="text-sm font-medium text-slate-800">{t("areas.legend")}</legend>
          <p id="areas-hint" className="text-sm text-slate-600">
            {t("areas.hint")}
          </p>
          <div className="grid gap-3 md:grid-cols-2">
            {catalog.map((area) => {
              const inputId = `area-${area.code}`;
              const isChosen = state.areas.includes(area.code);
              return (
                <label
                  key={area.code}
                  htmlFor={inputId}
                  className={`flex cursor-pointer gap-3 rounded-lg border-2 p-4 transition-colors has-focus-visible:ring-2 has-focus-visible:ring-brand-600 has-focus-visible:ring-offset-2 ${
                    isChosen ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white hover:border-slate-300"
                  }`}
                >
                  <input
                    id={inputId}
                    type="checkbox"
                    checked={isChosen}
                    onChange={() => onChange((s) => toggleArea(s, area.code))}
                    aria-describedby={`${inputId}-dilemmas`}
                    className="mt-1 size-4 shrink-0 accent-brand-600"
                  />
                  <span className="flex min-w-0 flex-col gap-2">
                    <span className="font-medium">
                      {area.code} · {area.name}{" "}
                      <a
                        href={frameworkHref(area.code)}
                        target="_blank"
                        rel="noopener"
                        className="text-sm font-normal text-brand-700 underline"
                        aria-label={t("areas.sectionLink", { code: area.code, section: area.section })}
                      >
                        {area.section}
                      </a>
                    </span>
                    <span id={`${inputId}-dilemmas`} className="flex flex-col gap-1 text-sm text-slate-700">
                      <span>{t("areas.addresses")}</span>
                      <span className="flex flex-wrap gap-1">
                        {area.dilemmas.map((d) => (
                          <a
                            key={d.code}
                            href={frameworkHref(d.code)}
                            target="_blank"
                            rel="noopener"
                            className="hover:underline"
                          >
                            <Badge>
                              {d.code} · {d.name}
                            </Badge>
                          </a>
                        ))}
                      </span>
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-between">
          <Button type="button" variant="secondary" onClick={onBack}>
            {t("back")}
          </Button>
          <div className="flex flex-col-reverse gap-2 sm:flex-row">
            <Button type="button" variant="ghost" onClick={onSkip}>
              {t("areas.skip")}
            </Button>
            <Button type="button" onClick={onNext}>
              {t("next")}
            </Button>
          </div>
        </div>
      </section>
    </Card>
  );
}
