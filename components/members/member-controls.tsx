"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/dialog";
import { CopyField } from "@/components/ui/copy-field";
import type { Role } from "@/generated/prisma/enums";
import {
  changeRoleAction,
  removeMemberAction,
  renewInvitationAction,
  revokeInvitationAction,
} from "@/lib/members/actions";

/** Role select and remove button of one member row. */
export function MemberControls({
  teamSlug,
  membershipId,
  role,
  memberName,
  roles,
}: {
  teamSlug: string;
  membershipId: string;
  role: Role;
  memberName: string;
  roles: readonly Role[];
}) {
  const t = useTranslations("members");
  const tr = useTranslations("enums.role");
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const [confirmDialog, confirm] = useConfirm();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${membershipId}`}>
        {t("roleOf", { name: memberName })}
      </label>
      <select
        id={`role-${membershipId}`}
        defaultValue={role}
        disabled={isPending}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        onChange={(e) => {
          const next = e.target.value as Role;
          setError(null);
          startTransition(async () => {
            const result = await changeRoleAction(teamSlug, { membershipId, role: next });
            if (!result.ok) {
              setError(result.message);
              e.target.value = role;
            }
          });
        }}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {tr(r)}
          </option>
        ))}
      </select>
      <Button
        type="button"
        variant="ghost"
        isPending={isPending}
        onClick={() =>
          confirm(t("confirmRemove", { name: memberName }), () => {
            setError(null);
            startTransition(async () => {
              const result = await removeMemberAction(teamSlug, membershipId);
              if (!result.ok) setError(result.message);
            });
          })
        }
      >
        {t("remove")}
        <span className="sr-only"> {memberName}</span>
      </Button>
      {confirmDialog}
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Renew-link and revoke buttons of one pending invitation. */
export function InvitationControls({
  teamSlug,
  invitationId,
  email,
}: {
  teamSlug: string;
  invitationId: string;
  email: string;
}) {
  const t = useTranslations("members");
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex gap-2">
        <Button
          type="button"
          variant="secondary"
          isPending={isPending}
          onClick={() =>
            startTransition(async () => {
              const result = await renewInvitationAction(teamSlug, invitationId);
              if (result.ok) setUrl(result.data.url);
              else setError(result.message);
            })
          }
        >
          {t("newLink")}
          <span className="sr-only"> {email}</span>
        </Button>
        <Button
          type="button"
          variant="ghost"
          isPending={isPending}
          onClick={() =>
            startTransition(async () => {
              const result = await revokeInvitationAction(teamSlug, invitationId);
              if (!result.ok) setError(result.message);
            })
          }
        >
          {t("revoke")}
          <span className="sr-only"> {email}</span>
        </Button>
      </div>
      {url ? <CopyField label={t("inviteLink")} value={url} /> : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
