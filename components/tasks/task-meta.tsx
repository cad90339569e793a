import { Badge } from "@/components/ui/badge";

const statusTones = { TODO: "slate", IN_PROGRESS: "blue", BLOCKED: "red", DONE: "green", CANCELLED: "amber" } as const;

/** A task status as a coloured label. */
export function StatusBadge({ status, label }: { status: keyof typeof statusTones; label: string }) {
  return <Badge tone={statusTones[status]}>{label}</Badge>;
}

/** A task's dilemma links as "D1×3" badges. */
export function DilemmaBadges({ links }: { links: { dilemmaCode: string; weight: number }[] }) {
  return (
    <>
      {links.map((l) => (
        <Badge key={l.dilemmaCode}>
          {l.dilemmaCode}×{l.weight}
        </Badge>
      ))}
    </>
  );
}
