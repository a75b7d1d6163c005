// What the header and the notice under it say while the collector catches up or the node cannot serve some state.
import { describe, expect, it } from "vitest";
import type { IndexStatusDto, StateNoticeDto } from "@/lib/queries/status";
import { catchUpProgress } from "@/components/layout/network-status";
import { stateNoticeText } from "@/components/layout/state-notice";

function status(collector: Partial<NonNullable<IndexStatusDto["collector"]>> | null, indexedHeight: string | null = "60480"): IndexStatusDto {
  return {
    network: { chainId: "allora-devnet-1", name: "Simulated devnet", kind: "devnet", simulated: true, emissionsVersion: "v10" },
    configuredNetwork: "devnet",
    indexedHeight,
    indexedBlockTime: "2026-11-04T12:00:00.000Z",
    lagSeconds: 302_400,
    lagWarnSeconds: 120,
    collector: collector && { state: "catching_up", notices: [], lastError: null, chainHeight: "120960", silentSeconds: 1, sourceUnreachable: false, ...collector },
  };
}

describe("catch-up progress in the header", () => {
  it("shows the share of the head indexed while catching up, and nothing otherwise", () => {
    expect(catchUpProgress(status({}))).toBe("catching up 50% of 120,960");
    expect(catchUpProgress(status({ state: "running" }))).toBeNull();
    expect(catchUpProgress(status({}, null))).toBeNull();
    expect(catchUpProgress(status(null))).toBeNull();
  });
});

describe("missing-state notice", () => {
  const since = "2026-12-01T19:30:00.000Z";
  const notice = (n: Partial<StateNoticeDto>): StateNoticeDto => ({ state: "topic 3", kind: "missing", since, asOfHeight: null, detail: "HTTP 404", ...n });

  it("names each state the node could not serve, since when, and the height pruned state is really as of", () => {
    const text = stateNoticeText(status({ notices: [notice({}), notice({ state: "stakes", kind: "pruned", asOfHeight: "120960" }), notice({ state: "rpc batches", kind: "single_requests", detail: "HTTP 400" })] }));
    expect(text).toContain("topic 3: not served by the node since 2026-12-01 19:30 UTC");
    expect(text).toContain("stakes: the node has pruned that history (since 2026-12-01 19:30 UTC), so it is shown as of block 120,960");
    expect(text).toContain("blocks are read one request at a time since 2026-12-01 19:30 UTC (HTTP 400)");
  });

  it("says nothing when every state is served", () => {
    expect(stateNoticeText(status({}))).toBeNull();
    expect(stateNoticeText(status(null))).toBeNull();
  });
});
