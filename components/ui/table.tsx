import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A table that scrolls inside its own box on narrow screens instead of widening the page. `relative` keeps
 * absolutely positioned descendants (sr-only text) inside the scroll box; otherwise they widen the page.
 */
export function Table({ className, label, ...props }: ComponentProps<"table"> & { label: string }) {
  return (
    <div className="relative overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
      <table className={cn("w-full border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      className={cn(
        "border-b px-4 py-2.5 text-left text-xs font-medium whitespace-nowrap text-muted-foreground first:pl-5 last:pr-5",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("border-b px-4 py-3 align-top first:pl-5 last:pr-5 [tr:last-child>&]:border-b-0", className)} {...props} />;
}
