import { buttonClassName } from "@/components/ui/button";
import { SelectField } from "@/components/ui/form-field";
import { strategyLabel } from "./signal-format";
import { UrlForm } from "./url-form";

export type BoardFilter = { asset: string; strategy: string; direction: string };

const DIRECTIONS = [["", "All"], ["long", "Long"], ["short", "Short"], ["flat", "Flat"]] as const;

/** A plain GET form: the filters live in the URL, work without JavaScript and by keyboard. */
export function BoardFilters({ assets, value }: { assets: string[]; value: BoardFilter }) {
  return (
    <UrlForm action="/signals" className="flex flex-wrap items-end gap-3" label="Filter signals">
      <SelectField label="Asset" name="asset" defaultValue={value.asset} options={[["", "All"], ...assets.map((a) => [a, a] as const)]} />
      <SelectField label="Strategy" name="strategy" defaultValue={value.strategy} options={[["", "All"], ...Object.entries(strategyLabel)]} />
      <SelectField label="Direction" name="direction" defaultValue={value.direction} options={DIRECTIONS} />
      <button type="submit" className={buttonClassName("outline")}>
        Filter
      </button>
    </UrlForm>
  );
}
