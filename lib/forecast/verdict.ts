import type { WinSummary } from "./best-worker";

/** Fewer scored epochs than this and the page says "warming up" instead of a verdict. */
export const MIN_VERDICT_EPOCHS = 30;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** One plain sentence a trader can act on; never a verdict from too little evidence. */
export function winVerdict(s: WinSummary): string {
  if (s.scoredEpochs < MIN_VERDICT_EPOCHS || s.networkBeatBestShare === null)
    return `Warming up: ${s.scoredEpochs} of the ${MIN_VERDICT_EPOCHS} scored epochs a verdict needs.`;
  const share = s.networkBeatBestShare;
  const vsBest =
    s.network !== null && s.best !== null && s.best !== 0
      ? `, with ${pct(Math.abs(1 - s.network / s.best))} ${s.network <= s.best ? "lower" : "higher"} mean loss`
      : "";
  const naive = s.network !== null && s.naive !== null ? (s.network < s.naive ? " It beat the naive forecast." : " It did not beat the naive forecast.") : "";
  const epochs = s.scoredEpochs.toLocaleString("en-US");
  return share >= 0.5
    ? `The network beat its best single worker (chosen without hindsight) in ${pct(share)} of ${epochs} epochs${vsBest}.${naive}`
    : `The best single worker (chosen without hindsight) beat the network in ${pct(1 - share)} of ${epochs} epochs${vsBest ? `; the network had${vsBest.replace(", with", "")}` : ""}.${naive}`;
}
