import Link from "next/link";
import type { ReactNode } from "react";
import { CoinsIcon, DatabaseIcon, LayersIcon, PulseIcon } from "@/components/ui/icons";

const SECTIONS: { href: string; title: string; description: string; icon: ReactNode }[] = [
  {
    href: "/topics",
    title: "Topics",
    description: "Forecasts against what really happened, and whether the network beats its best single worker.",
    icon: <LayersIcon />,
  },
  {
    href: "/signals",
    title: "Signals",
    description: "Trading signals stamped at their publish block and scored live, beside the backtest.",
    icon: <PulseIcon />,
  },
  {
    href: "/staking",
    title: "Staking",
    description: "Compare reputers and validators on evidence before you delegate ALLO.",
    icon: <CoinsIcon />,
  },
  {
    href: "/data",
    title: "Data",
    description: "Every indexed dataset, exportable by date or height range, never silently truncated.",
    icon: <DatabaseIcon />,
  },
];

export function SectionLinks() {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {SECTIONS.map((s) => (
        <li key={s.href}>
          <Link
            href={s.href}
            className="flex h-full gap-4 rounded-xl border bg-card p-4 transition-colors hover:border-primary/50 hover:bg-muted/50"
          >
            <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent text-accent-foreground">
              {s.icon}
            </span>
            <span>
              <span className="block text-sm font-semibold">{s.title}</span>
              <span className="mt-0.5 block text-sm text-muted-foreground">{s.description}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
