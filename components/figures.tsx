// Figures shared by the overview, the topic directory and the actor pages: exact ALLO amounts, edges and shares,
// and the one way a missing figure looks ("—" with a reason for screen readers and on hover).
import { formatAllo, formatInteger } from "@/components/format";

export function Missing({ label = "not reported" }: { label?: string }) {
  // relative: the sr-only text is absolutely positioned, and inside a scrolled table it would otherwise widen the page.
  return (
    <span className="relative text-muted-foreground" title={label}>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** uallo → ALLO with all 18 decimals kept (trailing zeros dropped): "1234.000000000000000001". Rewards are Decs on
 * chain, so a fraction of a uallo is kept too, past the 18th decimal. */
export function formatAlloExact(uallo: string): string {
  const [whole = "0", below = ""] = uallo.split(".");
  const negative = whole.startsWith("-");
  const digits = (negative ? whole.slice(1) : whole).padStart(19, "0");
  const int = digits.slice(0, -18).replace(/^0+(?=\d)/, "");
  const frac = (digits.slice(-18) + below).replace(/0+$/, "");
  return `${negative ? "-" : ""}${formatInteger(int)}${frac ? `.${frac}` : ""}`;
}

/** A rounded ALLO amount whose exact 18-decimal value is one hover (and one screen-reader phrase) away. */
export function AlloAmount({ uallo, digits = 2 }: { uallo: string | null; digits?: number }) {
  if (uallo === null) return <Missing />;
  const exact = formatAlloExact(uallo);
  return (
    <data value={uallo} title={`${exact} ALLO exactly`} className="tabular-nums">
      {formatAllo(uallo, digits)}
    </data>
  );
}

/** An exact decimal string shortened for display without going through a float: at most `decimals` decimals. */
export function formatDecimal(value: string, decimals = 6): string {
  const [int = "0", frac = ""] = value.split(".");
  const kept = frac.slice(0, decimals).replace(/0+$/, "");
  return `${formatInteger(int)}${kept ? `.${kept}` : ""}`;
}

/** A fraction ("0.1428…") as a signed percentage: "+14.3%". Display only. */
export function formatEdge(fraction: string): string {
  const pct = Number(fraction) * 100;
  if (!Number.isFinite(pct)) return fraction;
  const rounded = Math.abs(pct) < 0.05 ? 0 : pct;
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : ""}${Math.abs(rounded).toFixed(1)}%`;
}

export function formatShare(share: number, digits = 0): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** "as of block 1,234" */
export function asOfBlock(height: string | null): string {
  return height === null ? "not reported yet" : `as of block ${formatInteger(height)}`;
}

/** The network's edge over a reference (naive or best worker): "+14.3%" with the win share beneath, or why not. */
export function EdgeFigure({
  edge,
  winShare,
  epochs,
  warming,
  versus,
}: {
  edge: string | null;
  winShare: number | null;
  epochs: number;
  warming: boolean;
  versus: string;
}) {
  if (warming) return <span className="text-xs text-muted-foreground">warming up ({epochs} {epochs === 1 ? "epoch" : "epochs"})</span>;
  if (edge === null && winShare === null) return <Missing label={`no loss reported for the ${versus}`} />;
  return (
    <span className="inline-flex flex-col leading-tight" title={`network loss vs the ${versus}'s over ${epochs} epochs`}>
      <span className="font-medium tabular-nums">{edge === null ? <Missing label="loss in log space" /> : formatEdge(edge)}</span>
      {winShare !== null ? <span className="text-xs text-muted-foreground">wins {formatShare(winShare)}</span> : null}
    </span>
  );
}
