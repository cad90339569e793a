import type { ReactNode } from "react";
import { getTeamContext } from "@/lib/server/team-context";

// The membership guard of every team page: non-members get a 404. The team's
// navigation lives in the app sidebar (components/shell/app-shell.tsx).
export default async function TeamLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ teamSlug: string }>;
}) {
  const { teamSlug } = await params;
  await getTeamContext(teamSlug);
  return <div className="flex flex-col gap-6">{children}</div>;
}
