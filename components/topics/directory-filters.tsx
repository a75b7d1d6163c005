import Link from "next/link";
import type { DirectoryView } from "@/lib/forecast/directory-view";
import { Button } from "@/components/ui/button";

const field = "h-9 rounded-md border bg-card px-3 text-sm focus-visible:outline-2 focus-visible:outline-ring";

/** A plain GET form: every filter lands in the URL, and it works without JavaScript. */
export function DirectoryFilters({ view, assets, shown, total }: { view: DirectoryView; assets: string[]; shown: number; total: number }) {
  return (
    <form method="get" action="/topics" role="search" aria-label="Filter topics" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="flex min-w-48 flex-1 flex-col gap-1 text-xs text-muted-foreground">
        Search
        <input type="search" name="q" defaultValue={view.q} placeholder="Name or id, e.g. ETH" className={field} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted-foreground">
        Category
        <select name="category" defaultValue={view.category} className={field}>
          <option value="all">All</option>
          <option value="price">Price</option>
          <option value="log-return">Log return</option>
          <option value="volatility">Volatility</option>
          <option value="other">Other</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted-foreground">
        Asset
        <select name="asset" defaultValue={view.asset} className={field}>
          <option value="all">All</option>
          {assets.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted-foreground">
        Status
        <select name="status" defaultValue={view.status} className={field}>
          <option value="all">All</option>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </select>
      </label>
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
