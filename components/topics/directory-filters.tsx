import Link from "next/link";
import type { DirectoryView } from "@/lib/forecast/directory-view";
import { Button } from "@/components/ui/button";
import { FieldLabel, fieldClass, SelectField } from "@/components/ui/form-field";

const CATEGORIES = [["all", "All"], ["price", "Price"], ["log-return", "Log return"], ["volatility", "Volatility"], ["other", "Other"]] as const;
const STATUSES = [["all", "All"], ["active", "Active"], ["inactive", "Inactive"]] as const;

/** A plain GET form: every filter lands in the URL, and it works without JavaScript. */
export function DirectoryFilters({ view, assets, shown, total }: { view: DirectoryView; assets: string[]; shown: number; total: number }) {
  return (
    <form method="get" action="/topics" role="search" aria-label="Filter topics" className="mb-4 flex flex-wrap items-end gap-3">
      <FieldLabel label="Search" className="min-w-48 flex-1">
        <input type="search" name="q" defaultValue={view.q} placeholder="Name or id, e.g. ETH" className={fieldClass} />
      </FieldLabel>
      <SelectField label="Category" name="category" defaultValue={view.category} options={CATEGORIES} />
      <SelectField label="Asset" name="asset" defaultValue={view.asset} options={[["all", "All"], ...assets.map((a) => [a, a] as const)]} />
      <SelectField label="Status" name="status" defaultValue={view.status} options={STATUSES} />
      {view.sort !== "id" ? <input type="hidden" name="sort" value={view.sort} /> : null}
      {view.dir !== "asc" ? <input type="hidden" name="dir" value={view.dir} /> : null}
      <Button type="submit">Apply</Button>
      <Link href="/topics" className="h-9 px-1 text-sm leading-9 text-muted-foreground hover:text-foreground hover:underline">
        Reset
      </Link>
      <p className="w-full text-xs text-muted-foreground" aria-live="polite">
        {shown} of {total} topics
      </p>
    </form>
  );
}
