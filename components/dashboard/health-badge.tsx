import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { Health } from "@/lib/progress/formula";

const tones = { ON_TRACK: "green", AT_RISK: "amber", OFF_TRACK: "red", NOT_ADDRESSED: "slate" } as const;
const marks = { ON_TRACK: "●", AT_RISK: "▲", OFF_TRACK: "■", NOT_ADDRESSED: "○" } as const;

/** A health band as a coloured label, with a shape so it also reads in black and white. */
export async function HealthBadge({ health }: { health: Health }) {
  const t = await getTranslations("dashboard.health");
  return <HealthLabel health={health} label={t(health)} />;
}

/** HealthBadge with its label already translated: for tables of many rows. */
export function HealthLabel({ health, label }: { health: Health; label: string }) {
  return (
    <Badge tone={tones[health]}>
      <span aria-hidden="true" className="mr-1">
        {marks[health]}
      </span>
      {label}
    </Badge>
  );
}
