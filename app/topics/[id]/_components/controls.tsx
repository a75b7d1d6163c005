import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { RANGE_PRESETS, type RangeSpec } from "@/lib/forecast/range";
import { topicHref, type ViewState } from "./view-state";

const pill = (active: boolean) =>
  cn("rounded-md border px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-ring", active ? "border-primary bg-accent font-medium text-accent-foreground" : "hover:bg-muted");

/** Range presets, a custom range (plain GET form: works without JavaScript) and the label selector. */
export function TopicControls({ id, state, spec, labels, label }: { id: string; state: ViewState; spec: RangeSpec; labels: string[]; label: string }) {
  const presets = Object.keys(RANGE_PRESETS) as (keyof typeof RANGE_PRESETS)[];
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
      <nav aria-label="Range" className="flex flex-wrap gap-2">
        {presets.map((key) => {
          const active = spec.kind === "preset" && spec.key === key;
          return (
            <Link key={key} href={topicHref(id, state, { range: key, from: undefined, to: undefined })} aria-current={active ? "page" : undefined} className={pill(active)}>
              {key === "all" ? "All" : key}
            </Link>
          );
        })}
      </nav>
      <form method="get" action={`/topics/${id}`} className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col gap-1">
          <span className="text-xs text-muted-foreground">From (UTC)</span>
          <input type="date" name="from" defaultValue={spec.kind === "custom" ? spec.from.toISOString().slice(0, 10) : undefined} className="rounded-md border bg-card px-2 py-1" required />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-muted-foreground">To (UTC)</span>
          <input type="date" name="to" defaultValue={spec.kind === "custom" ? spec.to.toISOString().slice(0, 10) : undefined} className="rounded-md border bg-card px-2 py-1" required />
        </label>
        {state.label ? <input type="hidden" name="label" value={state.label} /> : null}
        {state.workers.length ? <input type="hidden" name="workers" value={state.workers.join(",")} /> : null}
        <button type="submit" className={pill(spec.kind === "custom")}>Apply range</button>
      </form>
      {labels.length > 1 ? (
        <nav aria-label="Label" className="flex flex-wrap items-center gap-2">
          <span className="text-xs text-muted-foreground">Label</span>
          {labels.map((l) => (
            <Link key={l} href={topicHref(id, state, { label: l })} aria-current={l === label ? "page" : undefined} className={pill(l === label)}>
              {l}
            </Link>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
