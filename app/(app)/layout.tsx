import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/layout/app-header";
import { requireUser } from "@/lib/auth/session";
import { countUnread } from "@/lib/notifications/notifications";
import { findTeamsOfUser } from "@/lib/teams/find-teams";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [t, teams, unread] = await Promise.all([
    getTranslations("common"),
    findTeamsOfUser({ userId: user.id }),
    countUnread({ userId: user.id }),
  ]);
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        {t("skipToContent")}
      </a>
      <AppHeader userName={user.name} teams={teams} unread={unread} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
