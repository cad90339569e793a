"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { fieldErrorsText } from "@/components/forms/apply-server-errors";
import { frameworkHref } from "@/lib/catalog/framework-href";
import { takeDiagnosticAction } from "@/lib/diagnostic/actions";
import { DIAGNOSTIC_SCALE } from "@/lib/diagnostic/statements";

export type DiagnosticFormGroup = {
  code: string;
  name: string;
  section: string;
  statements: { key: string; text: string }[];
};

/** The diagnostic's statements by dilemma, each rated 1–5 with radio buttons; every one must be answered. */
export function DiagnosticForm({
  teamSlug,
  groups,
  initial,
}: {
  teamSlug: string;
  groups: DiagnosticFormGroup[];
  /** The team's previous answers, to start from. */
  initial: Record<string, number>;
}) {
  const t = useTranslations("diagnostic");
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, number>>(initial);
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const [saved, setSaved] = useState(false);
  const allKeys = groups.flatMap((g) => g.statements.map((s) => s.key));

  const submit = () => {
    const unanswered = allKeys.filter((key) => !answers[key]);
    setMissing(unanswered);
    setSaved(false);
    if (unanswered.length > 0) {
      setError(t("form.unanswered", { count: unanswered.length }));
      document.getElementById(`statement-${unanswered[0]}`)?.focus();
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await takeDiagnosticAction(teamSlug, { answers });
      if (!result.ok) return setError(fieldErrorsText(result));
      setSaved(true);
      router.refresh();
    });
  };

  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p id="diagnostic-scale" className="text-sm text-slate-600">
        {t("form.scale")}
      </p>
      {groups.map((group) => (
        <Card key={group.code}>
          <fieldset className="flex min-w-0 flex-col gap-4">
            <legend className="mb-2 font-semibold">
              {group.code} · {group.name}{" "}
              <a href={frameworkHref(group.code)} className="text-sm font-normal text-brand-700 underline">
                {group.section}
              </a>
            </legend>
            {group.statements.map((statement) => {
              const isMissing = missing.includes(statement.key) && !answers[statement.key];
              return (
                <fieldset
                  key={statement.key}
                  id={`statement-${statement.key}`}
                  tabIndex={-1}
                  aria-describedby="diagnostic-scale"
                  aria-invalid={isMissing || undefined}
                  className={`flex min-w-0 flex-col gap-2 rounded-md p-2 ${isMissing ? "border border-red-300 bg-red-50" : ""}`}
                >
                  <legend className="text-sm">{statement.text}</legend>
                  <div className="flex flex-wrap gap-2">
                    {DIAGNOSTIC_SCALE.map((value) => {
                      const id = `answer-${statement.key}-${value}`;
                      return (
                        <label
                          key={value}
                          htmlFor={id}
                          className="flex cursor-pointer items-center gap-1 rounded-md border border-slate-300 px-2.5 py-1 text-sm has-checked:border-brand-600 has-checked:bg-brand-50 has-focus-visible:ring-2 has-focus-visible:ring-brand-600"
                        >
                          <input
                            id={id}
                            type="radio"
                            name={`answer-${statement.key}`}
                            value={value}
                            checked={answers[statement.key] === value}
                            onChange={() => setAnswers((a) => ({ ...a, [statement.key]: value }))}
                            className="accent-brand-600"
                          />
                          <span>{t(`form.level.${value}`)}</span>
                        </label>
                      );
                    })}
                  </div>
                </fieldset>
              );
            })}
          </fieldset>
        </Card>
      ))}
      <FormError message={error} />
      {saved ? (
        <p role="status" className="text-sm text-green-800">
          {t("form.saved")}
        </p>
      ) : null}
      <div>
        <Button type="submit" isPending={isPending}>
          {t("form.submit")}
        </Button>
      </div>
    </form>
  );
}
