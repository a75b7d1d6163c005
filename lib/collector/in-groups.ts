/** Runs `run` over `items`, `size` at a time (a node's REST endpoint gets at most that many requests at once). */
export async function inGroups<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}
