import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { HeightWindow } from "./context";

/**
 * Ranges of two days or more read the hourly rollups (loss_hours, worker_hours; see lib/ingest/rollups.ts) instead
 * of epochs: their buckets are whole hours, and the range is widened to the whole hours it touches (under an hour
 * at each end, which a bucket of a multi-day range cannot show anyway). Shorter ranges keep per-epoch buckets.
 */
export const HOURLY_FROM_SECONDS = 2 * 86_400;
const HOUR = 3600;

export type HourBuckets = {
  /** Start of the first hour of the range; bucket 0 starts here (seconds since the epoch). */
  t0: number;
  /** Bucket width in seconds, a whole number of hours. */
  w: number;
  /** First and last hour of the range (inclusive), as Dates for SQL. */
  first: Date;
  last: Date;
};

export function hourBuckets(win: HeightWindow, maxBuckets: number): HourBuckets | null {
  const from = win.from.getTime() / 1000;
  const to = win.to.getTime() / 1000;
  if (to - from < HOURLY_FROM_SECONDS) return null;
  const t0 = Math.floor(from / HOUR) * HOUR;
  return { t0, w: Math.max(1, Math.ceil((to - t0) / maxBuckets / HOUR)) * HOUR, first: new Date(t0 * 1000), last: new Date(Math.floor(to / HOUR) * HOUR * 1000) };
}

/** The first hour `seconds` before the range's first hour: where a trailing window that reaches back starts. */
export const hoursBefore = (hb: HourBuckets, seconds: number) => new Date(Math.floor((hb.t0 - seconds) / HOUR) * HOUR * 1000);

/** SQL: the bucket of a rollup row's `hour` (negative before the range). */
export const hourBucket = (hb: HourBuckets) => Prisma.sql`floor((extract(epoch FROM hour) - ${hb.t0}) / ${hb.w})::int`;
