"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { importTeamAction } from "@/lib/team-archive/actions";
import type { ImportResult } from "@/lib/team-archive/import-team";

/** Uploads a team archive; on success says who joined and who was invited, with a link to the new team. */
export function ImportTeamForm({ maxMb }: { maxMb: number }) {
  const t = useTranslations("teams");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [isPending, startTransition] = useTransition();

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        setError(null);
        setDone(null);
        startTransition(async () => {
          const result = await importTeamAction(formData);
          if (result.ok) setDone(result.data);
          else setError(result.message);
        });
      }}
    >
      <p className="text-sm text-slate-700">{t("importText", { max: maxMb })}</p>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("importFile")}
        <input
          type="file"
          name="archive"
          accept=".json,.gz,application/json,application/gzip"
          required
          className="text-sm font-normal"
        />
      </label>
      <div>
        <Button type="submit" isPending={isPending}>
          {t("importSubmit")}
        </Button>
      </div>
      <FormError message={error} />
      {done ? (
        <div role="status" className="flex flex-col gap-2 text-sm text-slate-800">
          <p>{t("importDone", { name: done.team.name })}</p>
          {done.joined.length > 0 ? (
            <p>{t("importJoined", { list: done.joined.map((m) => m.email).join(", ") })}</p>
          ) : null}
          {done.invited.length > 0 ? (
            <p>{t("importInvited", { list: done.invited.map((m) => m.email).join(", ") })}</p>
          ) : null}
          <Link href={`/t/${done.team.slug}`} className={buttonClass("secondary", "self-start")}>
            {t("importOpen")}
          </Link>
        </div>
      ) : null}
    </form>
  );
}
