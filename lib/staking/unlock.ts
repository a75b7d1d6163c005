// When a pending exit unlocks. Reputer and delegate-stake removals unlock at a height (remove_stake_delay_window
// blocks after the request); their time is estimated from the measured recent block time. Validator unbondings
// unlock at a time the chain states; their height is estimated the other way round.

export type BlockSample = { height: bigint; timeMs: number };

export type BlockClock = {
  /** The newest indexed block. */
  height: bigint;
  timeMs: number;
  /** Mean milliseconds per block over the sample window; null with fewer than two distinct blocks. */
  msPerBlock: number | null;
  /** How many blocks the mean spans, so the page can say "over the last N blocks". */
  windowBlocks: bigint;
};

/** Mean block time between the oldest and newest sample: (t_newest − t_oldest) / (h_newest − h_oldest). */
export function measureBlockClock(samples: readonly BlockSample[]): BlockClock | null {
  if (samples.length === 0) return null;
  let oldest = samples[0]!;
  let newest = samples[0]!;
  for (const s of samples) {
    if (s.height < oldest.height) oldest = s;
    if (s.height > newest.height) newest = s;
  }
  const span = newest.height - oldest.height;
  return {
    height: newest.height,
    timeMs: newest.timeMs,
    msPerBlock: span > 0n ? (newest.timeMs - oldest.timeMs) / Number(span) : null,
    windowBlocks: span,
  };
}

/** Estimated wall time of a future (or past) height; null without a measured block time. */
export function estimateTimeOfHeight(clock: BlockClock, height: bigint): number | null {
  if (clock.msPerBlock === null) return null;
  return Math.round(clock.timeMs + Number(height - clock.height) * clock.msPerBlock);
}

/** Estimated height reached at a wall time; null without a measured block time. Rounded up: unlocked by then. */
export function estimateHeightAtTime(clock: BlockClock, timeMs: number): bigint | null {
  if (clock.msPerBlock === null || clock.msPerBlock <= 0) return null;
  return clock.height + BigInt(Math.ceil((timeMs - clock.timeMs) / clock.msPerBlock));
}
