// A database indexed before 20261203120000_reputer_losses_in_bundles keeps every loss value across the upgrade: each
// reputer's loss_values rows become its bundle's arrays, digit for digit, and the network's rows stay where they are.
import { describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { pgliteRunner } from "@/lib/db/client";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { REPUTER_LOSS_ROWS_SQL } from "@/lib/ingest/reputer-losses";

const MIGRATION = "20261203120000_reputer_losses_in_bundles";

describe("the reputer-losses migration (PGlite)", () => {
  it("moves each reputer's loss_values rows into its bundle's row, digit for digit, and leaves the network's rows", async () => {
    const all = readMigrations();
    const at = all.findIndex((m) => m.name === MIGRATION);
    expect(at).toBeGreaterThan(0);
    const lite = new PGlite();
    try {
      const run = pgliteRunner(lite);
      await migrate(run, all.slice(0, at));
      await lite.exec(`
        INSERT INTO networks (id, chain_id, name, kind) VALUES (1, 'allora-testnet-1', 'Testnet', 'testnet');
        INSERT INTO loss_bundles (network_id, topic_id, nonce, reputer, combined_value, naive_value, block_height) VALUES
          (1, 1, 10, '', 0.5, 0.75, 12), (1, 1, 10, 'allo1rep', 0.25, 'NaN', 12), (1, 1, 20, 'allo1rep', NULL, NULL, 22);
        INSERT INTO loss_values (network_id, topic_id, nonce, reputer, kind, actor, peer, value) VALUES
          (1, 1, 10, '', 'inferer', 'allo1w1', '', 0.125),
          (1, 1, 10, 'allo1rep', 'one_out_inferer_forecaster', 'allo1w2', 'allo1w1', -0.000000000000000000000000000001),
          (1, 1, 10, 'allo1rep', 'inferer', 'allo1w2', '', 12345678901234567890.5),
          (1, 1, 10, 'allo1rep', 'inferer', 'allo1w1', '', 3);`);
      await migrate(run, all);
      const bundles = await run.query<{ reputer: string; nonce: number; inferers: string[] | null; forecasters: string[] | null; losses: string | null }>(
        `SELECT reputer, nonce::int, loss_inferers AS inferers, loss_forecasters AS forecasters, losses::text FROM loss_bundles ORDER BY nonce, reputer`,
      );
      expect(bundles).toEqual([
        { reputer: "", nonce: 10, inferers: null, forecasters: null, losses: null },
        {
          // 2 inferers and 1 forecaster: 2·2 + 3·1 + 1·2 = 9 slots, in the layout of lib/ingest/reputer-losses.ts.
          reputer: "allo1rep", nonce: 10, inferers: ["allo1w1", "allo1w2"], forecasters: ["allo1w2"],
          losses: "{3,12345678901234567890.5,NULL,NULL,NULL,NULL,NULL,-0.000000000000000000000000000001,NULL}",
        },
        // No loss_values rows: its values stay unknown (NULL), not an empty report.
        { reputer: "allo1rep", nonce: 20, inferers: null, forecasters: null, losses: null },
      ]);
      // Read back as rows, the moved values are the ones that were rows.
      const back = await run.query<{ k: string }>(`SELECT concat_ws('|', reputer, kind, actor, peer, value::text) AS k FROM (${REPUTER_LOSS_ROWS_SQL}) r ORDER BY 1`);
      expect(back.map((r) => r.k)).toEqual([
        "allo1rep|inferer|allo1w1||3",
        "allo1rep|inferer|allo1w2||12345678901234567890.5",
        "allo1rep|one_out_inferer_forecaster|allo1w2|allo1w1|-0.000000000000000000000000000001",
      ]);
      const values = await run.query<{ reputer: string; actor: string; value: string }>(`SELECT reputer, actor, value::text FROM loss_values`);
      expect(values).toEqual([{ reputer: "", actor: "allo1w1", value: "0.125" }]);
    } finally {
      await lite.close();
    }
  });
});
