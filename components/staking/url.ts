// View state lives in the URL: helpers to read list parameters and to build links that change one of them.
export type Params = Record<string, string | string[] | undefined>;

export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export const MAX_COMPARE = 4;

/** "a,b,c" → unique entries, at most MAX_COMPARE. */
export function readCompare(value: string | string[] | undefined): string[] {
  const raw = first(value) ?? "";
  return [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))].slice(0, MAX_COMPARE);
}

export function hrefWith(path: string, current: Record<string, string | undefined>, change: Record<string, string | undefined>): string {
  const merged = { ...current, ...change };
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "") query.set(k, v);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function toggleCompare(list: string[], item: string): string {
  return (list.includes(item) ? list.filter((x) => x !== item) : [...list, item].slice(-MAX_COMPARE)).join(",");
}
