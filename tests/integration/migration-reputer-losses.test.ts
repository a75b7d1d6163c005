// A database indexed before 20261203120000_reputer_losses_in_bundles keeps every loss value across the upgrade: each
// reputer's loss_values rows become its bundle's arrays, digit for digit, and the network's rows stay where they are.
import { describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { pgliteRunner } from "@/lib/db/client";
import { migrate, readMigrations } from "@/lib/db/migrate";

const MIGRATION = "20261203120000_reputer_losses_in_bundles";

describe("the reputer-losses migration (PGlite)", () => {
  it("moves each reputer's loss_values rows into its bundle's arrays and leaves the network's rows", async () => {
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
      const bundles = await run.query<{ reputer: string; nonce: number; kinds: string[] | null; actors: string[] | null; peers: string[] | null; losses: string | null }>(
        `SELECT reputer, nonce::int, loss_kinds AS kinds, loss_actors AS actors, loss_peers AS peers, losses::text FROM loss_bundles ORDER BY nonce, reputer`,
      );
      expect(bundles).toEqual([
        { reputer: "", nonce: 10, kinds: null, actors: null, peers: null, losses: null },
        {
          reputer: "allo1rep", nonce: 10,
          kinds: ["inferer", "inferer", "one_out_inferer_forecaster"], actors: ["allo1w1", "allo1w2", "allo1w2"], peers: ["", "", "allo1w1"],
          losses: "{3,12345678901234567890.5,-0.000000000000000000000000000001}",
        },
        // No loss_values rows: its values stay unknown (NULL), not an empty report.
        { reputer: "allo1rep", nonce: 20, kinds: null, actors: null, peers: null, losses: null },
      ]);
      const values = await run.query<{ reputer: string; actor: string; value: string }>(`SELECT reputer, actor, value::text FROM loss_values`);
      expect(values).toEqual([{ reputer: "", actor: "allo1w1", value: "0.125" }]);
    } finally {
      await lite.close();
    }
  });
});
