// A signed wallet tx goes the one way through: devnet block → collector → POST /api/ingest → Postgres → the account
// page's query. Delegating 12.5 ALLO to a reputer shows as 12.5 ALLO more once indexed; a validator delegation too;
// a tx the chain failed (code ≠ 0) leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { getAccount } from "@/lib/queries/staking-account";
import { delegateMessage, emissionsMessage, type Built } from "@/lib/wallet/messages";
import { startPipeline } from "../../support/collector-harness";
import { broadcast, include, lcdGet, sendTx } from "../../support/devnet-wallet";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../../support/test-db";
import { testSigner } from "../../support/test-wallets";

process.env.ALLORA_NETWORK = "devnet";
const ALLO = 10n ** 18n;
let pipeline: Awaited<ReturnType<typeof startPipeline>>;
let db: TestDatabase;

const msg = (b: Built) => {
  if (!b.ok) throw new Error(`${b.field}: ${b.reason}`);
  return b.message;
};

beforeAll(async () => {
  pipeline = await startPipeline({ seed: 5, historyBlocks: 500 });
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(async () => {
  await pipeline?.close();
  await db?.dispose();
});

describe(`signed wallet txs are indexed like any other (${describeTestDatabase()})`, () => {
  it("delegate 12.5 ALLO to a reputer and 20 ALLO to a validator → the account shows both after indexing", { timeout: 240_000 }, async () => {
    const { devnet } = pipeline;
    const signer = await testSigner("abandon");
    const reputer = devnet.sim.engines[0]!.actors.reputers[0]!.address;
    const validator = devnet.sim.validators.list[0]!.operator;
    const stake = (amount: bigint) => msg(emissionsMessage("DelegateStake", "v10", { sender: signer.address, topicId: 1n, reputer, amount }));
    const c = pipeline.collector();
    try {
      // A first 10 ALLO, indexed, so the 12.5 ALLO is seen as an increase of a position the page already shows.
      await include(devnet, (await sendTx(devnet, signer, [stake(10n * ALLO)])).hash);
      await pipeline.untilIndexed(c, BigInt(devnet.sim.height()));
      const first = await getAccount(signer.address);
      expect(first.delegations.map((d) => [d.topicId, d.reputer, d.amount])).toEqual([["1", reputer, (10n * ALLO).toString()]]);

      const added = await sendTx(devnet, signer, [stake(12n * ALLO + ALLO / 2n)]);
      const toValidator = await sendTx(devnet, signer, [msg(delegateMessage({ delegator: signer.address, validator, amount: 20n * ALLO }))], { sequence: 2 });
      // Accepted by CheckTx, refused by the emissions module at delivery: included with code 10, nothing placed.
      const stranger = devnet.sim.engines[0]!.actors.delegators[0]!.address;
      const failing = msg(emissionsMessage("DelegateStake", "v10", { sender: signer.address, topicId: 1n, reputer: stranger, amount: ALLO }));
      const refused = await broadcast(devnet, await signer.sign({ messages: [failing], sequence: 3, accountNumber: 9001, fee: 3_000_000n, gas: 300_000n }));
      devnet.advance(1);
      const code = async (hash: string) => (await lcdGet(devnet, `/cosmos/tx/v1beta1/txs/${hash}`)).body.tx_response.code;
      expect([await code(added.hash), await code(toValidator.hash), await code(refused.body.tx_response.txhash)]).toEqual([0, 0, 10]);
      // Validator delegations come from the collector's state reads: let it reach its next one.
      devnet.advance(500);
      await pipeline.untilIndexed(c, BigInt(devnet.sim.height()));
      const after = await getAccount(signer.address);
      const placement = after.delegations.find((d) => d.topicId === "1" && d.reputer === reputer);
      expect(BigInt(placement!.amount) - BigInt(first.delegations[0]!.amount)).toBe(12n * ALLO + ALLO / 2n);
      expect(after.delegations.map((d) => d.reputer)).toEqual([reputer]);
      expect(after.validatorDelegations.map((v) => [v.operatorAddress, v.amount])).toEqual([[validator, (20n * ALLO).toString()]]);
    } finally {
      await c.stop();
    }
  });
});
