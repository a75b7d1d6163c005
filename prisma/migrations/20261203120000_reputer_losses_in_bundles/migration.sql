-- Each reputer's per-worker losses move from loss_values rows (~85% of all loss values, each with a 7-column key)
-- into its loss_bundles row, in the chain's column form (layout: lib/ingest/reputer-losses.ts): its inferers and
-- forecasters once, and every loss slot in one array, NULL where there is no value. loss_values keeps the network's
-- bundle (reputer = ''), which the topic page and the rollups read by index. The dataset reputer_loss_values
-- reads the arrays back as rows.
ALTER TABLE "loss_bundles" ADD COLUMN "loss_inferers" TEXT[],
    ADD COLUMN "loss_forecasters" TEXT[],
    ADD COLUMN "losses" DECIMAL[];

-- Existing rows: each bundle's addresses in address order, numbered from 1, then every slot filled or NULL. Each
-- temporary table is analyzed: with no statistics the planner joined them by nested loops (over 10 minutes for two
-- devnet days; 11 s with them).
CREATE TEMPORARY TABLE reputer_values ON COMMIT DROP AS
    SELECT network_id, topic_id, nonce, reputer, kind, actor, peer, value FROM "loss_values" WHERE reputer <> '';
ANALYZE reputer_values;

CREATE TEMPORARY TABLE reputer_workers ON COMMIT DROP AS
    SELECT network_id, topic_id, nonce, reputer, side, address,
           row_number() OVER (PARTITION BY network_id, topic_id, nonce, reputer, side ORDER BY address)::int AS i
    FROM (
        SELECT network_id, topic_id, nonce, reputer, CASE WHEN kind IN ('inferer', 'one_out_inferer') THEN 'i' ELSE 'f' END AS side, actor AS address
        FROM reputer_values
        UNION
        SELECT network_id, topic_id, nonce, reputer, 'i', peer FROM reputer_values WHERE kind = 'one_out_inferer_forecaster'
    ) w;
ANALYZE reputer_workers;

CREATE TEMPORARY TABLE reputer_dims ON COMMIT DROP AS
    SELECT network_id, topic_id, nonce, reputer,
           coalesce(array_agg(address ORDER BY i) FILTER (WHERE side = 'i'), '{}') AS inferers,
           coalesce(array_agg(address ORDER BY i) FILTER (WHERE side = 'f'), '{}') AS forecasters,
           (count(*) FILTER (WHERE side = 'i'))::int AS ni, (count(*) FILTER (WHERE side = 'f'))::int AS nf
    FROM reputer_workers GROUP BY network_id, topic_id, nonce, reputer;
ANALYZE reputer_dims;

CREATE TEMPORARY TABLE reputer_slots ON COMMIT DROP AS
    SELECT v.network_id, v.topic_id, v.nonce, v.reputer, v.value,
           CASE v.kind
               WHEN 'inferer' THEN a.i
               WHEN 'forecaster' THEN d.ni + a.i
               WHEN 'one_out_inferer' THEN d.ni + d.nf + a.i
               WHEN 'one_out_forecaster' THEN 2 * d.ni + d.nf + a.i
               WHEN 'one_in_forecaster' THEN 2 * d.ni + 2 * d.nf + a.i
               ELSE 2 * d.ni + 3 * d.nf + (a.i - 1) * d.ni + p.i
           END AS k
    FROM reputer_values v
    JOIN reputer_dims d USING (network_id, topic_id, nonce, reputer)
    JOIN reputer_workers a ON a.network_id = v.network_id AND a.topic_id = v.topic_id AND a.nonce = v.nonce AND a.reputer = v.reputer
        AND a.address = v.actor AND a.side = CASE WHEN v.kind IN ('inferer', 'one_out_inferer') THEN 'i' ELSE 'f' END
    LEFT JOIN reputer_workers p ON v.kind = 'one_out_inferer_forecaster' AND p.network_id = v.network_id AND p.topic_id = v.topic_id
        AND p.nonce = v.nonce AND p.reputer = v.reputer AND p.side = 'i' AND p.address = v.peer;
ANALYZE reputer_slots;

UPDATE "loss_bundles" b
SET "loss_inferers" = d.inferers, "loss_forecasters" = d.forecasters, "losses" = l.losses
FROM reputer_dims d
JOIN (
    SELECT d.network_id, d.topic_id, d.nonce, d.reputer, array_agg(s.value ORDER BY g.k) AS losses
    FROM reputer_dims d
    CROSS JOIN LATERAL generate_series(1, 2 * d.ni + 3 * d.nf + d.nf * d.ni) AS g(k)
    LEFT JOIN reputer_slots s ON s.network_id = d.network_id AND s.topic_id = d.topic_id AND s.nonce = d.nonce AND s.reputer = d.reputer AND s.k = g.k
    GROUP BY d.network_id, d.topic_id, d.nonce, d.reputer
) l USING (network_id, topic_id, nonce, reputer)
WHERE b.network_id = d.network_id AND b.topic_id = d.topic_id AND b.nonce = d.nonce AND b.reputer = d.reputer;

DELETE FROM "loss_values" WHERE reputer <> '';
