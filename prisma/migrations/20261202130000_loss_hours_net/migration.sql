-- The network's loss beside each comparison, so the 7-day edges of the overview and the directory add up hour and
-- day rows instead of reading every epoch × worker loss (lib/queries/topic-edges.ts):
--   role 'network': net_sum / net_n = the network's loss over the epochs that also have a naive loss (the pairs of
--                   naive_sum / naive_n), and `wins` (0 until now) = the epochs in which it was below the naive loss;
--   role 'inferer': net_sum / net_n = the network's loss over the epochs this inferer has a loss in.
ALTER TABLE "loss_hours" ADD COLUMN "net_sum" DOUBLE PRECISION, ADD COLUMN "net_n" INTEGER NOT NULL DEFAULT 0;

-- Existing hour rows, recomputed from the stored loss bundles and values as lib/ingest/rollups.ts now writes them.
UPDATE "loss_hours" lh SET wins = x.wins, net_sum = x.net_sum, net_n = x.net_n
FROM (
  SELECT lb.network_id, lb.topic_id, date_trunc('hour', b.time) AS hour,
         (count(*) FILTER (WHERE lb.net < lb.naive))::int AS wins,
         sum(lb.net) FILTER (WHERE lb.naive IS NOT NULL) AS net_sum, (count(lb.net) FILTER (WHERE lb.naive IS NOT NULL))::int AS net_n
  FROM (SELECT network_id, topic_id, nonce, NULLIF(combined_value, 'NaN')::float8 AS net, NULLIF(naive_value, 'NaN')::float8 AS naive
          FROM loss_bundles WHERE reputer = '') lb
  JOIN blocks b ON b.network_id = lb.network_id AND b.height = lb.nonce
  GROUP BY 1, 2, 3
) x
WHERE lh.grain = 'h' AND lh.role = 'network' AND lh.actor = '' AND lh.network_id = x.network_id AND lh.topic_id = x.topic_id AND lh.hour = x.hour;

UPDATE "loss_hours" lh SET net_sum = x.net_sum, net_n = x.net_n
FROM (
  SELECT lb.network_id, lb.topic_id, date_trunc('hour', b.time) AS hour, lv.actor, sum(lb.net) AS net_sum, count(lb.net)::int AS net_n
  FROM (SELECT network_id, topic_id, nonce, NULLIF(combined_value, 'NaN')::float8 AS net FROM loss_bundles WHERE reputer = '') lb
  JOIN blocks b ON b.network_id = lb.network_id AND b.height = lb.nonce
  JOIN loss_values lv ON lv.network_id = lb.network_id AND lv.topic_id = lb.topic_id AND lv.nonce = lb.nonce
   AND lv.reputer = '' AND lv.kind = 'inferer' AND lv.peer = '' AND lv.value <> 'NaN'
  GROUP BY 1, 2, 3, 4
) x
WHERE lh.grain = 'h' AND lh.role = 'inferer' AND lh.actor = x.actor AND lh.network_id = x.network_id AND lh.topic_id = x.topic_id AND lh.hour = x.hour;

-- Day rows: the sums of their hour rows.
UPDATE "loss_hours" d SET wins = s.wins, net_sum = s.net_sum, net_n = s.net_n
FROM (
  SELECT network_id, topic_id, role, actor, date_trunc('day', hour, 'UTC') AS day,
         sum(wins)::int AS wins, sum(net_sum) AS net_sum, sum(net_n)::int AS net_n
  FROM loss_hours WHERE grain = 'h' AND role IN ('network', 'inferer')
  GROUP BY 1, 2, 3, 4, 5
) s
WHERE d.grain = 'd' AND d.role = s.role AND d.actor = s.actor AND d.network_id = s.network_id AND d.topic_id = s.topic_id AND d.hour = s.day;
