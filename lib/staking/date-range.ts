// The history download's date range: whole UTC days, "from" and "to" both included, either side open.
export type DateRange = { from: Date | null; to: Date | null };
export type DateRangeResult = { ok: true; range: DateRange } | { ok: false; field: "from" | "to"; message: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(text: string): Date | null {
  if (!DAY.test(text)) return null;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? null : d;
}

export function parseDateRange(from: string | undefined | null, to: string | undefined | null): DateRangeResult {
  const f = from ? parseDay(from) : null;
  if (from && !f) return { ok: false, field: "from", message: `“${from}” is not a date: expected YYYY-MM-DD.` };
  const t = to ? parseDay(to) : null;
  if (to && !t) return { ok: false, field: "to", message: `“${to}” is not a date: expected YYYY-MM-DD.` };
  // "to" names a day that is included, so the range ends at the start of the next day.
  const end = t ? new Date(t.getTime() + 86_400_000) : null;
  if (f && end && f >= end) return { ok: false, field: "to", message: "must not be before “from”." };
  return { ok: true, range: { from: f, to: end } };
}
