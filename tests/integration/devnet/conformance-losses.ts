// Network losses, reputer loss bundles, instant and EMA scores: REST at a height against the events.
import { expect } from "vitest";
import type { ActorType } from "@/lib/allora/schemas/common";
import type { Score } from "@/lib/allora/schemas/score";
import { type Conformance, expectNotFound, expectSameDec } from "./conformance-context";
import { createdTopics, networkInferenceEvents, prunedNonces } from "./conformance-expect";

const scoreMap = (scores: Score[]) => new Map(scores.map((s) => [s.address, s.score]));

/** Returns how many settled nonces were compared; only events from `since` on count. */
export async function checkLossesAt(c: Conformance, h: number, since = 0): Promise<number> {
  const q = { height: h };
  let compared = 0;
  for (const id of createdTopics(c.index, h).keys()) {
    const pruned = prunedNonces(c.index, id, h);
    const settled = c.index
      .named("EventNetworkLossSet", h)
      .filter((e) => e.height >= since)
      .map((e) => e.event.data)
      .filter((l) => l.topicId === id && !pruned.has(l.nonce!));
    const unsettled = networkInferenceEvents(c.index, id, h)
      .filter((e) => e.height >= since)
      .map((e) => e.event.data.nonce!)
      .filter((n) => !pruned.has(n) && !settled.some((l) => l.nonce === n));
    for (const nonce of unsettled.slice(-1)) {
      await expectNotFound(c.lcd.getNetworkLoss(id, nonce, q));
      expect(await c.lcd.getInfererScoresAt(id, nonce, q)).toEqual([]);
    }
    const picks = settled.length > 1 ? [settled[0]!, settled.at(-1)!] : settled;
    for (const loss of picks) {
      const nonce = loss.nonce!;
      const rest = await c.lcd.getNetworkLoss(id, nonce, q);
      expect(rest).toEqual(loss.bundle);
      expect(rest.reputerNonce).toBe(nonce);
      expect(Number(rest.combined)).toBeGreaterThan(0);
      expect(rest.inferers.length).toBeGreaterThan(0);

      const payloads = c.index
        .named("EventInsertReputerPayload", h)
        .map((e) => e.event.data)
        .filter((p) => p.topicId === id && p.nonce === nonce);
      const bundles = await c.lcd.getReputerLossBundles(id, nonce, q);
      expect(bundles.map((b) => b.reputer).sort()).toEqual(payloads.map((p) => p.reputer).sort());
      for (const b of bundles) {
        const payload = payloads.find((p) => p.reputer === b.reputer)!;
        expect(b.bundle).toEqual({ ...payload.bundle, reputerNonce: nonce });
        if (c.version === "v9") expect(b.signature).toMatch(/^[A-Za-z0-9+/=]+$/);
        else expect(b.signature).toBeNull();
      }

      await compareScoresAt(c, id, nonce, h);
      compared += 1;
    }
    await compareEmaScores(c, id, h, since);
  }
  return compared;
}

async function compareScoresAt(c: Conformance, id: bigint, nonce: bigint, h: number): Promise<void> {
  const q = { height: h };
  const rest: Record<ActorType, Score[]> = {
    inferer: await c.lcd.getInfererScoresAt(id, nonce, q),
    forecaster: await c.lcd.getForecasterScoresAt(id, nonce, q),
    reputer: await c.lcd.getReputerScoresAt(id, nonce, q),
  };
  for (const actor of ["inferer", "forecaster", "reputer"] as const) {
    const event = c.index
      .named("EventScoresSet", h)
      .map((e) => e.event.data)
      .find((s) => s.topicId === id && s.blockHeight === nonce && s.actorType === actor);
    expect(event, `${actor} scores event for topic ${id} nonce ${nonce}`).toBeDefined();
    expect(rest[actor].length).toBeGreaterThan(0);
    expect(rest[actor].every((s) => s.topicId === id && s.blockHeight === nonce)).toBe(true);
    expect(scoreMap(rest[actor])).toEqual(new Map(event!.addresses.map((a, i) => [a, event!.scores[i]])));
  }
}

/** An actor's EMA score is the last value an EMAScoresSet event announced for it. */
async function compareEmaScores(c: Conformance, id: bigint, h: number, since: number): Promise<void> {
  const q = { height: h };
  const get = { inferer: c.lcd.getInfererScoreEma, forecaster: c.lcd.getForecasterScoreEma, reputer: c.lcd.getReputerScoreEma };
  for (const actor of ["inferer", "forecaster", "reputer"] as const) {
    const last = new Map<string, { score: string; nonce: bigint }>();
    for (const e of c.index.named("EventEMAScoresSet", h)) {
      if (e.height < since) continue;
      const data = e.event.data;
      if (data.topicId !== id || data.actorType !== actor) continue;
      data.addresses.forEach((a, i) => data.scores[i] && last.set(a, { score: data.scores[i]!, nonce: data.nonce }));
    }
    for (const [address, expected] of [...last].slice(0, 4)) {
      const score = await get[actor](id, address, q);
      expect(score.address).toBe(address);
      expect(score.topicId).toBe(id);
      expect(score.blockHeight).toBeGreaterThanOrEqual(expected.nonce);
      expectSameDec(score.score, expected.score, `${actor} EMA of ${address} in topic ${id} at ${h}`);
    }
  }
}
