import type { ValidatorDirectoryDto } from "@/lib/queries/staking-validators";
import type { RealizedWindowDto } from "@/lib/queries/staking-validator-rewards";
import { formatInteger } from "@/components/format";

function WindowText({ w, days }: { w: RealizedWindowDto | null; days: number }) {
  if (!w) return <>{days} d: no validator rewards indexed yet (“—”).</>;
  return (
    <>
      {days} d: blocks {formatInteger(w.fromHeight)}–{formatInteger(w.toHeight)}, {w.elapsedDays} days
      {w.complete ? "" : ` (the index holds less than ${days} days: the figure covers only what is indexed)`}.
    </>
  );
}

/** How the realized APR is computed, and over which blocks each window really ran. */
export function RealizedAprNote({ realized }: { realized: ValidatorDirectoryDto["realized"] }) {
  return (
    <p data-testid="realized-apr-note">
      Realized APR = {realized.formula}. Rewards and commission are x/distribution&apos;s begin-block <code>rewards</code> and{" "}
      <code>commission</code> events of every indexed block, summed per 1,000 blocks; the <code>rewards</code> event carries the whole
      allocation, commission included, so delegators earned rewards − commission. Mean bonded tokens: the validator&apos;s state reads in the
      window; not compounded, before any slashing. <WindowText w={realized.d7} days={7} /> <WindowText w={realized.d30} days={30} />{" "}
      Uptime = 1 − missed blocks ÷ the chain&apos;s signed-blocks window (slashing signing info, as of the block in its title).
    </p>
  );
}
