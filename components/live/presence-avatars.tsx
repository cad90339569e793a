"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useLive, useLiveMessages } from "@/components/live/live-provider";
import { presenceAction } from "@/lib/live/actions";

type Viewer = { userId: string; name: string; editing: boolean };

const HEARTBEAT_MS = 15_000;

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  // Chinese names read well as their first character; others as the first letters of two words.
  if (words.length === 1)
    return Array.from(words[0]!)
      .slice(0, words[0]!.length > 3 ? 2 : 1)
      .join("")
      .toUpperCase();
  return (Array.from(words[0]!)[0]! + Array.from(words[words.length - 1]!)[0]!).toUpperCase();
}

/** Who else has this plan or task open now, as avatars; "… is editing" for a task being edited elsewhere. */
export function PresenceAvatars({ scope }: { scope: `plan:${string}` | `task:${string}` }) {
  const t = useTranslations("live");
  const live = useLive();
  const teamSlug = live?.teamSlug;
  const isEditing = live?.editing.has(scope) ?? false;
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const beat = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (!teamSlug) return;
    let isActive = true;
    let pending = false;
    const send = () => {
      if (pending) return;
      pending = true;
      presenceAction(teamSlug, { scope, editing: isEditing })
        .then((result) => {
          if (isActive && result.ok) setViewers(result.data);
        })
        .catch(() => undefined)
        .finally(() => {
          pending = false;
        });
    };
    beat.current = send;
    send();
    const timer = setInterval(send, HEARTBEAT_MS);
    return () => {
      isActive = false;
      clearInterval(timer);
      beat.current = null;
    };
  }, [teamSlug, scope, isEditing]);

  // Leaving the page (or this scope) removes us from the others' lists at once.
  useEffect(() => {
    if (!teamSlug) return;
    return () => {
      presenceAction(teamSlug, { scope, leave: true }).catch(() => undefined);
    };
  }, [teamSlug, scope]);

  useLiveMessages((message) => {
    if (message.type === "presence" && message.scope === scope) beat.current?.();
  });

  if (viewers.length === 0) return null;
  const editors = viewers.filter((v) => v.editing);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700" data-testid="presence">
      <span className="sr-only">{t("viewers")}</span>
      <ul className="flex -space-x-2">
        {viewers.map((viewer) => (
          <li key={viewer.userId}>
            <span
              title={viewer.editing ? t("editing", { name: viewer.name }) : t("viewing", { name: viewer.name })}
              aria-label={viewer.editing ? t("editing", { name: viewer.name }) : t("viewing", { name: viewer.name })}
              role="img"
              className={`flex h-8 w-8 items-center justify-center rounded-full border-2 border-white text-xs font-semibold ${viewer.editing ? "bg-amber-200 text-amber-950" : "bg-brand-100 text-brand-900"}`}
            >
              {initials(viewer.name)}
            </span>
          </li>
        ))}
      </ul>
      {editors.length > 0 ? (
        <p role="status" className="text-amber-900">
          {editors.map((e) => t("editing", { name: e.name })).join(" · ")}
        </p>
      ) : null}
    </div>
  );
}
