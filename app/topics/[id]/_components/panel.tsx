import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatInteger } from "@/components/format";

/** A topic-page panel: title, what it shows, and the block it is as of. */
export function Panel({ id, title, description, asOf, children }: { id: string; title: string; description: ReactNode; asOf: string | null; children: ReactNode }) {
  return (
    <Card aria-labelledby={`${id}-title`} id={id}>
      <CardHeader>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <CardTitle id={`${id}-title`}>{title}</CardTitle>
          <span className="text-xs text-muted-foreground tabular-nums">{asOf === null ? "Not indexed yet" : `As of block ${formatInteger(asOf)}`}</span>
        </div>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export function WarmingUp({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
      <span className="font-medium text-foreground">Warming up.</span> {children}
    </p>
  );
}
