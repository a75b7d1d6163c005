import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type EmptyStateProps = {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  /** A shell command that fills this view, shown copyable; omitted when nothing the user runs would help. */
  command?: string;
  commandLabel?: string;
  headingLevel?: "h2" | "h3";
  className?: string;
};

export function EmptyState({
  icon,
  title,
  description,
  command,
  commandLabel = "To fill it with simulated data locally, run",
  headingLevel: Heading = "h2",
  className,
}: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-xl border border-dashed border-muted-foreground/30 bg-card px-6 py-10 text-center sm:py-12",
        className,
      )}
    >
      <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-accent text-accent-foreground">
        {icon}
      </div>
      <Heading className="max-w-md text-base font-semibold text-balance">{title}</Heading>
      <p className="mt-2 max-w-md text-sm text-pretty text-muted-foreground">{description}</p>
      {command ? (
        <p className="mt-5 flex max-w-full flex-col items-center gap-2 text-xs text-muted-foreground">
          <span>{commandLabel}</span>
          <code className="max-w-full overflow-x-auto rounded-md border bg-muted px-3 py-1.5 font-mono text-sm text-foreground">
            {command}
          </code>
        </p>
      ) : null}
    </div>
  );
}
