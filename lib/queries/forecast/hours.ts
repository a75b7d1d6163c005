import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { HeightWindow } from "./context";

/**
 * Ranges of two days or more read the rollups (loss_hours, worker_hours, reward_hours, price_hours; see
 * lib/ingest/rollups.ts) instead of epochs: buckets of whole hours from the hour rows, or, once a bucket would span
 * half a day or more, whole days from the day rows (so a year reads 365 rows per actor, not 8,760). The range is
 * widened to the whole hours (days) it touches, less than one bucket. Shorter ranges keep per-epoch buckets.
 */
export const HOURLY_FROM_SECONDS = 2 * 86_400;
const HOUR = 3600;
const DAY = 86_400;

export type HourBuckets = {
  grain: "h" | "d";
  /** Start of bucket 0, the first hour (day) of the range, in seconds since the epoch. */
  t0: number;
  /** Bucket width in seconds, a whole number of hours (days). */
  w: number;
  /** First and last hour (day) of the range, inclusive. */
  first: Date;
  last: Date;
};

const floorTo = (s: number, unit: number) => Math.floor(s / unit) * unit;
const at = (s: number) => new Date(s * 1000);

export function hourBuckets(win: HeightWindow, maxBuckets: number, fromSeconds = HOURLY_FROM_SECONDS): HourBuckets | null {
  const from = win.from.getTime() / 1000;
  const to = win.to.getTime() / 1000;
  if (to - from < fromSeconds) return null;
  const hours = Math.max(1, Math.ceil((to - floorTo(from, HOUR)) / maxBuckets / HOUR));
  const unit = hours >= 12 ? DAY : HOUR;
  const t0 = floorTo(from, unit);
  const w = unit === DAY ? Math.ceil(hours / 24) * DAY : hours * HOUR;
  return { grain: unit === DAY ? "d" : "h", t0, w, first: at(t0), last: at(floorTo(to, unit)) };
}

/** The first hour (day) `seconds` before the range's first one: where a trailing window that reaches back starts. */
export const hoursBefore = (hb: HourBuckets, seconds: number) => at(floorTo(hb.t0 - seconds, hb.grain === "d" ? DAY : HOUR));

/** SQL: a rollup row's bucket (negative before the range). */
export const hourBucket = (hb: HourBuckets) => Prisma.sql`floor((date_part('epoch', hour) - ${hb.t0}) / ${hb.w})::int`;

/** SQL: the rollup rows of the buckets' grain from `from` (default: the range's first) to its last. */
export const inBuckets = (hb: HourBuckets, from: Date = hb.first) => Prisma.sql`grain = ${hb.grain} AND hour BETWEEN ${from} AND ${hb.last}`;

/**
 * SQL: `wholeRange` of the `seconds` (two days or more) before the time `to`, an SQL expression (a subquery for the
 * newest block, say), worked out by the statement itself, in UTC whatever the session's time zone. Its parameters
 * then stay the same while `to` moves: the embedded database answers a read again from memory by its parameters
 * (lib/db/pglite-reads.ts), and bounds passed in changed with every hour of chain time, every batch of a backfill.
 */
export function wholeRangeBeforeSql(to: Prisma.Sql, seconds: number): Prisma.Sql {
  if (seconds < HOURLY_FROM_SECONDS) throw new RangeError(`a whole-hour range spans at least ${HOURLY_FROM_SECONDS} s, not ${seconds}`);
  // Each bound a subquery of its own: computed once for the statement, not for every row it filters (that cost
  // 60 ms on the week's edges on PGlite).
  const first = Prisma.sql`(SELECT date_trunc('hour', ${to} - make_interval(secs => ${seconds}), 'UTC'))`;
  const last = Prisma.sql`(SELECT date_trunc('hour', ${to}, 'UTC'))`;
  // The first midnight at or after the first hour, and the midnight after the last hour (24 hours, not '1 day':
  // a day of the session's zone may have 23 or 25).
  const d0 = Prisma.sql`(SELECT CASE WHEN date_trunc('day', ${first}, 'UTC') = ${first} THEN ${first} ELSE date_trunc('day', ${first}, 'UTC') + interval '24 hours' END)`;
  const d1 = Prisma.sql`(SELECT date_trunc('day', ${last} + interval '1 hour', 'UTC'))`;
  return wholeRows(first, last, d0, d1);
}

/** SQL: day rows from midnight `d0` up to midnight `d1`, hour rows from `first` to `last` outside them. */
const wholeRows = (first: Date | Prisma.Sql, last: Date | Prisma.Sql, d0: Date | Prisma.Sql, d1: Date | Prisma.Sql) =>
  Prisma.sql`((grain = 'd' AND hour >= ${d0} AND hour < ${d1})
    OR (grain = 'h' AND hour BETWEEN ${first} AND ${last} AND (hour < ${d0} OR hour >= ${d1})))`;

/**
 * SQL: the rollup rows that add up to the whole hours of a range of two days or more (null for a shorter one): day
 * rows for the days inside it, hour rows for the hours at its ends; for totals, not buckets.
 */
export function wholeRange(win: Pick<HeightWindow, "from" | "to">): Prisma.Sql | null {
  const from = win.from.getTime() / 1000;
  const to = win.to.getTime() / 1000;
  if (to - from < HOURLY_FROM_SECONDS) return null;
  const first = floorTo(from, HOUR);
  const last = floorTo(to, HOUR);
  const d0 = Math.ceil(first / DAY) * DAY;
  const d1 = floorTo(last + HOUR, DAY);
  return wholeRows(at(first), at(last), at(d0), at(d1));
}
