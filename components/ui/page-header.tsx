import type { ReactNode } from "react";

export function PageHeader({ title, description, aside }: { title: string; description: ReactNode; aside?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-col gap-3 sm:mb-8 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{title}</h1>
        <p className="mt-1.5 max-w-2xl text-sm text-pretty text-muted-foreground sm:text-base">{description}</p>
      </div>
      {aside ? <div className="shrink-0 sm:pb-1">{aside}</div> : null}
    </div>
  );
}
