import { buttonClassName } from "@/components/ui/button";
import { FieldLabel, fieldClass, SelectField } from "@/components/ui/form-field";
import { strategyLabel } from "@/components/signals/signal-format";
import { UrlForm } from "@/components/signals/url-form";

export type ParameterDefaults = { strategy: string; fee_bps: string; slippage_bps: string; threshold: string; from: string; to: string };

/**
 * Backtest parameters as a GET form: every change is a URL, shareable and kept by the back button. `inBrowser`:
 * the page re-runs the backtest itself, so a change only pushes the new URL.
 */
export function ParameterForm({ action, label, raw, defaults, inBrowser }: { action: string; label: string; raw: ParameterDefaults; defaults: ParameterDefaults; inBrowser: boolean }) {
  const v = (k: keyof ParameterDefaults) => raw[k] || defaults[k];
  return (
    <UrlForm action={action} navigate={inBrowser ? "history" : "router"} className="flex flex-wrap items-end gap-3" label="Backtest parameters" testId="parameter-form">
      <input type="hidden" name="label" value={label} />
      <SelectField label="Strategy" name="strategy" defaultValue={v("strategy")} options={Object.entries(strategyLabel)} />
      <FieldLabel label="Fee (bps)">
        <input name="fee_bps" type="number" min={0} max={1000} step="0.5" defaultValue={v("fee_bps")} className={`${fieldClass} w-24`} />
      </FieldLabel>
      <FieldLabel label="Slippage (bps)">
        <input name="slippage_bps" type="number" min={0} max={1000} step="0.5" defaultValue={v("slippage_bps")} className={`${fieldClass} w-24`} />
      </FieldLabel>
      <FieldLabel label="Threshold (bps)">
        <input name="threshold" type="number" min={0} max={10000} step="1" defaultValue={v("threshold")} className={`${fieldClass} w-24`} />
      </FieldLabel>
      <FieldLabel label="From">
        <input name="from" type="date" defaultValue={raw.from} className={fieldClass} />
      </FieldLabel>
      <FieldLabel label="To">
        <input name="to" type="date" defaultValue={raw.to} className={fieldClass} />
      </FieldLabel>
      <button type="submit" className={buttonClassName("primary")}>
        Run backtest
      </button>
    </UrlForm>
  );
}
