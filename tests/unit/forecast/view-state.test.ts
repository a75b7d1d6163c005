import { describe, expect, it } from "vitest";
import { readViewState, topicHref } from "@/app/topics/[id]/_components/view-state";

const W1 = "allo102ksu3kx57w0mrhkg37kvymmk2lgxqcan6u7yn";
const W2 = "allo10q6hm2yae8slpvvgmxqrcasa30gu5qfysp4wkz";

describe("topic page view state", () => {
  it("reads range, label, workers and sort from the URL, dropping what is not an address or a known sort", () => {
    const s = readViewState({ range: "30d", label: "1h", workers: `${W1},nonsense,${W1}`, sort: "drop table" });
    expect(s).toEqual({ range: "30d", from: undefined, to: undefined, label: "1h", workers: [W1], sort: "score" });
    expect(readViewState({ workers: [W1, W2], sort: "rewards" })).toMatchObject({ workers: [W1, W2], sort: "rewards" });
  });

  it("writes links that keep every other choice", () => {
    const s = readViewState({ range: "1d", label: "4h", workers: W1, sort: "trend" });
    expect(topicHref("5", s, { range: "all" })).toBe(`/topics/5?range=all&label=4h&workers=${W1}&sort=trend`);
    expect(topicHref("5", s, { from: "2026-11-01", to: "2026-11-02" })).toBe(`/topics/5?from=2026-11-01&to=2026-11-02&label=4h&workers=${W1}&sort=trend`);
    expect(topicHref("5", readViewState({}))).toBe("/topics/5");
  });
});
