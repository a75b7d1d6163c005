-- Each reputer's per-worker losses move from loss_values rows (~85% of all loss values, each with a 7-column key)
-- into four parallel arrays on its loss_bundles row; loss_values keeps the network's bundle (reputer = ''), which
-- the topic page and the rollups read value by value. The public dataset reputer_loss_values unnests the arrays.
ALTER TABLE "loss_bundles" ADD COLUMN "loss_kinds" TEXT[],
    ADD COLUMN "loss_actors" TEXT[],
    ADD COLUMN "loss_peers" TEXT[],
    ADD COLUMN "losses" DECIMAL[];

UPDATE "loss_bundles" b
SET "loss_kinds" = v.kinds, "loss_actors" = v.actors, "loss_peers" = v.peers, "losses" = v.vals
FROM (
    SELECT network_id, topic_id, nonce, reputer,
           array_agg(kind ORDER BY kind, actor, peer) AS kinds, array_agg(actor ORDER BY kind, actor, peer) AS actors,
           array_agg(peer ORDER BY kind, actor, peer) AS peers, array_agg(value ORDER BY kind, actor, peer) AS vals
    FROM "loss_values" WHERE reputer <> '' GROUP BY network_id, topic_id, nonce, reputer
) v
WHERE b.network_id = v.network_id AND b.topic_id = v.topic_id AND b.nonce = v.nonce AND b.reputer = v.reputer;

DELETE FROM "loss_values" WHERE reputer <> '';
