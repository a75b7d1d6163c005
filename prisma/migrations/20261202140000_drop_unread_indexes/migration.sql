-- Secondary indexes no query needs, each maintained on every ingested row. loss_values takes ~54,000 rows per
-- 1,000-block batch: on a devnet week's database a COPY of 20,274 of them took 181-239 ms with its actor index and
-- 92 ms without (BEGIN … ROLLBACK). The forecast queries and rollups read these tables by their whole primary key
-- (topic, nonce, …), which the planner sometimes answered from the inference_weights address index instead. The
-- only readers by address are the dataset exports' `address` filter, which ORs every address column of the table
-- (reputer OR actor OR peer; forecaster OR inferer): the arms without an index scan the whole primary key either way
-- (forecasts on that week: 206 ms with its forecaster index, 159 ms without).
DROP INDEX IF EXISTS "loss_values_network_id_actor_nonce_idx";
DROP INDEX IF EXISTS "inference_weights_network_id_address_nonce_idx";
DROP INDEX IF EXISTS "forecasts_network_id_forecaster_nonce_idx";
