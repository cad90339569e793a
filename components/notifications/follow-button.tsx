"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { setFollowAction } from "@/lib/notifications/actions";

/** Follow / Unfollow for a task or a plan: a follower is notified of status changes and comments. */
export function FollowButton({
  teamSlug,
  target,
  id,
  following: initial,
}: {
  teamSlug: string;
  target: "task" | "plan";
  id: string;
  following: boolean;
}) {
  const t = useTranslations("notifications.follow");
  const [following, setFollowing] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        variant="secondary"
        aria-pressed={following}
        isPending={isPending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await setFollowAction(teamSlug, { target, id, follow: !following });
            if (result.ok) setFollowing(result.data.following);
            else setError(result.message);
          })
        }
      >
        {following ? t("unfollow") : t(target === "task" ? "followTask" : "followPlan")}
      </Button>
      <FormError message={error} />
    </div>
  );
}
