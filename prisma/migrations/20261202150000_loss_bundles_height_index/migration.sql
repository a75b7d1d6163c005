-- loss_bundles' (network_id, topic_id, block_height) index was a trap for every read by (topic, nonce): without
-- statistics (autovacuum off, or PGlite) the planner preferred it to the primary key and filtered the topic's whole
-- history by nonce. On a devnet week the rollup refresh's loss bundle reads took 336 ms a batch instead of 34 ms,
-- and one probe per (topic, height) took 16 s. The only reader by block height is the dataset exports' height
-- filter, which a (network_id, block_height) index serves as well.
DROP INDEX IF EXISTS "loss_bundles_network_id_topic_id_block_height_idx";
CREATE INDEX "loss_bundles_network_id_block_height_idx" ON "loss_bundles"("network_id", "block_height");
