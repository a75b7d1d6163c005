import { buttonClassName } from "@/components/ui/button";
import { strategyLabel } from "./signal-format";
import { UrlForm } from "./url-form";

export type BoardFilter = { asset: string; strategy: string; direction: string };

export const fieldClass = "h-9 rounded-lg border bg-card px-2 text-sm text-foreground";
export const labelClass = "flex flex-col gap-1 text-xs text-muted-foreground";

/** A plain GET form: the filters live in the URL, work without JavaScript and by keyboard. */
export function BoardFilters({ assets, value }: { assets: string[]; value: BoardFilter }) {
  return (
    <UrlForm action="/signals" className="flex flex-wrap items-end gap-3" label="Filter signals">
      <label className={labelClass}>
        Asset
        <select name="asset" defaultValue={value.asset} className={fieldClass}>
          <option value="">All</option>
          {assets.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Strategy
        <select name="strategy" defaultValue={value.strategy} className={fieldClass}>
          <option value="">All</option>
          {Object.entries(strategyLabel).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Direction
        <select name="direction" defaultValue={value.direction} className={fieldClass}>
          <option value="">All</option>
          <option value="long">Long</option>
          <option value="short">Short</option>
          <option value="flat">Flat</option>
        </select>
      </label>
      <button type="submit" className={buttonClassName("outline")}>
        Filter
      </button>
    </UrlForm>
  );
}
