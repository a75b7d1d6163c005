// The fields of the app's GET filter and parameter forms: a label above its control, one look everywhere.
import type { ReactNode } from "react";
import { cn } from "./cn";

export const fieldClass = "h-9 rounded-lg border bg-card px-2 text-sm text-foreground focus-visible:outline-2 focus-visible:outline-ring";
const labelClass = "flex flex-col gap-1 text-xs text-muted-foreground";

export function FieldLabel({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <label className={cn(labelClass, className)}>
      {label}
      {children}
    </label>
  );
}

/** A labelled select whose options are [value, text] pairs. */
export function SelectField({ label, name, defaultValue, options }: { label: string; name: string; defaultValue: string; options: readonly (readonly [string, string])[] }) {
  return (
    <FieldLabel label={label}>
      <select name={name} defaultValue={defaultValue} className={fieldClass}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </FieldLabel>
  );
}
