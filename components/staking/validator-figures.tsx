// Realized APR and uptime of one validator, each with how it was computed in its title, or "—" with the reason.
import type { RealizedAprDto, UptimeDto } from "@/lib/queries/staking-validator-rewards";
import { formatInteger } from "@/components/format";
import { Missing, Percent } from "@/components/staking/values";

export function RealizedApr({ r, missing }: { r: RealizedAprDto | null; missing: string | null }) {
  if (!r) return <Missing why={missing ?? "no rewards were allocated to it in this window"} />;
  if (r.apr === null) return <Missing why="no state read of its bonded tokens in the window" />;
  const why = `rewards ${r.rewards} − commission ${r.commission} uallo, over mean bonded tokens ${r.meanTokens} uallo`;
  return <span title={why}><Percent fraction={r.apr} /></span>;
}

export function Uptime({ u, missing }: { u: UptimeDto | null; missing: string | null }) {
  if (!u) return <Missing why={missing ?? undefined} />;
  return (
    <span title={`1 − ${u.missed} missed ÷ ${u.window} signed-blocks window, signing info of ${u.consensusAddress} as of block ${u.asOfHeight}`}>
      <Percent fraction={u.uptime} />
      <span className="block text-xs whitespace-nowrap text-muted-foreground">{formatInteger(u.missed)} missed</span>
    </span>
  );
}
