import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { PlanStatus } from "@/generated/prisma/enums";

const tones = { DRAFT: "slate", ACTIVE: "blue", COMPLETED: "green", ARCHIVED: "amber" } as const;

/** A plan's status as a coloured label. */
export async function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const t = await getTranslations("enums.planStatus");
  return <Badge tone={tones[status]}>{t(status)}</Badge>;
}
