// Exact figures for the staking pages: amounts from uallo strings (never through Number), rates from exact
// fractions, and one way to say "missing" so it never reads as 0.
import Link from "next/link";
import { formatAllo18 } from "@/lib/staking/amounts";
import { fractionToPercent } from "@/lib/staking/apr";
import { formatAllo } from "@/components/format";
import { cn } from "@/components/ui/cn";

export function Missing({ why }: { why?: string }) {
  return (
    <span title={why} className="text-muted-foreground">
      —<span className="sr-only"> not available{why ? `: ${why}` : ""}</span>
    </span>
  );
}

/** ALLO with all 18 decimals: the exact amount. */
export function AlloExact({ uallo, className }: { uallo: string | null; className?: string }) {
  if (uallo === null) return <Missing />;
  return <span className={cn("font-mono text-xs tabular-nums whitespace-nowrap", className)}>{formatAllo18(wholeUallo(uallo))}</span>;
}

/** ALLO shortened for tables; the exact 18-decimal amount is in the title. */
export function Allo({ uallo, digits = 2 }: { uallo: string | null; digits?: number }) {
  if (uallo === null) return <Missing />;
  return (
    <span className="tabular-nums" title={`${formatAllo18(wholeUallo(uallo))} ALLO (${uallo} uallo)`}>
      {formatAllo(uallo, digits)}
    </span>
  );
}

export function Percent({ fraction, digits = 2 }: { fraction: string | null; digits?: number }) {
  const text = fractionToPercent(fraction, digits);
  return text === null ? <Missing /> : <span className="tabular-nums">{text}%</span>;
}

/** Reward amounts may carry fractional uallo (Decs); the display shows whole uallo, truncated. */
function wholeUallo(value: string): string {
  return value.split(".")[0] ?? "0";
}

export function shortAddress(address: string): string {
  return address.length > 20 ? `${address.slice(0, 12)}…${address.slice(-6)}` : address;
}

export function AddressLink({ href, address }: { href: string; address: string }) {
  return (
    <Link href={href} className="font-mono text-xs underline-offset-2 hover:underline" title={address}>
      {shortAddress(address)}
    </Link>
  );
}
