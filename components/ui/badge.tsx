import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

const variants = {
  neutral: "border-border bg-muted text-muted-foreground",
  warning: "border-warning-border bg-warning-bg text-warning-fg",
  accent: "border-transparent bg-accent text-accent-foreground",
} as const;

export function Badge({ className, variant = "neutral", ...props }: ComponentProps<"span"> & { variant?: keyof typeof variants }) {
  return (
    <span
      className={cn(
        "inline-flex shrink-0 items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}
