-- CreateTable
CREATE TABLE "networks" (
    "id" SERIAL NOT NULL,
    "chain_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "simulated" BOOLEAN NOT NULL DEFAULT false,
    "emissions_version" TEXT,
    "lcd_url" TEXT,
    "rpc_url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "networks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blocks" (
    "network_id" INTEGER NOT NULL,
    "height" BIGINT NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "hash" TEXT,
    "tx_count" INTEGER NOT NULL DEFAULT 0,
    "event_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "blocks_pkey" PRIMARY KEY ("network_id", "height")
);

-- CreateTable
CREATE TABLE "ingest_cursors" (
    "network_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "height" BIGINT NOT NULL,
    "time" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_cursors_pkey" PRIMARY KEY ("network_id", "source")
);

-- CreateTable
CREATE TABLE "ingest_batches" (
    "batch_id" TEXT NOT NULL,
    "network_id" INTEGER NOT NULL,
    "schema_version" INTEGER NOT NULL,
    "checksum" TEXT NOT NULL,
    "from_height" BIGINT,
    "to_height" BIGINT,
    "counts" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_batches_pkey" PRIMARY KEY ("batch_id")
);

-- CreateTable
CREATE TABLE "collector_state" (
    "network_id" INTEGER NOT NULL,
    "holder" TEXT NOT NULL,
    "lease_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "state" TEXT NOT NULL,
    "last_error" TEXT,
    "last_error_at" TIMESTAMPTZ(3),
    "chain_height" BIGINT,
    "chain_time" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collector_state_pkey" PRIMARY KEY ("network_id")
);

-- CreateTable
CREATE TABLE "topics" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "creator" TEXT NOT NULL,
    "metadata" TEXT NOT NULL,
    "loss_method" TEXT NOT NULL,
    "epoch_last_ended" BIGINT NOT NULL,
    "epoch_length" BIGINT NOT NULL,
    "ground_truth_lag" BIGINT NOT NULL,
    "p_norm" DECIMAL NOT NULL,
    "alpha_regret" DECIMAL NOT NULL,
    "allow_negative" BOOLEAN NOT NULL,
    "epsilon" DECIMAL NOT NULL,
    "initial_regret" DECIMAL,
    "worker_submission_window" BIGINT,
    "merit_sortition_alpha" DECIMAL,
    "active_inferer_quantile" DECIMAL,
    "active_forecaster_quantile" DECIMAL,
    "active_reputer_quantile" DECIMAL,
    "c_norm" DECIMAL,
    "topic_type" TEXT,
    "output_arity" TEXT,
    "require_unity" BOOLEAN,
    "unity_tolerance" DECIMAL,
    "max_labels_per_submission" BIGINT,
    "label_whitelist" TEXT[],
    "label_default_value" DECIMAL,
    "label_case_sensitive" BOOLEAN,
    "is_active" BOOLEAN,
    "weight" DECIMAL,
    "effective_revenue" DECIMAL,
    "topic_stake" DECIMAL(78,0),
    "created_height" BIGINT,
    "updated_height" BIGINT NOT NULL,

    CONSTRAINT "topics_pkey" PRIMARY KEY ("network_id", "topic_id")
);

-- CreateTable
CREATE TABLE "topic_changes" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "height" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "is_active" BOOLEAN,
    "weight" DECIMAL,
    "topic_stake" DECIMAL(78,0),
    "snapshot" JSONB,

    CONSTRAINT "topic_changes_pkey" PRIMARY KEY ("network_id", "topic_id", "height", "kind")
);

-- CreateTable
CREATE TABLE "topic_labels" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "label_name" TEXT NOT NULL,
    "label_id" INTEGER,
    "first_seen_height" BIGINT NOT NULL,

    CONSTRAINT "topic_labels_pkey" PRIMARY KEY ("network_id", "topic_id", "label_name")
);

-- CreateTable
CREATE TABLE "actors" (
    "network_id" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "owner" TEXT,
    "is_worker" BOOLEAN NOT NULL DEFAULT false,
    "is_reputer" BOOLEAN NOT NULL DEFAULT false,
    "is_delegator" BOOLEAN NOT NULL DEFAULT false,
    "is_validator" BOOLEAN NOT NULL DEFAULT false,
    "first_seen_height" BIGINT NOT NULL,
    "last_seen_height" BIGINT NOT NULL,

    CONSTRAINT "actors_pkey" PRIMARY KEY ("network_id", "address")
);

-- CreateTable
CREATE TABLE "registrations" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "address" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "registered_height" BIGINT NOT NULL,
    "owner" TEXT,
    "unregistered_height" BIGINT,

    CONSTRAINT "registrations_pkey" PRIMARY KEY ("network_id", "topic_id", "address", "role", "registered_height")
);

-- CreateTable
CREATE TABLE "worker_inferences" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "nonce" BIGINT NOT NULL,
    "inferer" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "value" DECIMAL NOT NULL,
    "block_height" BIGINT NOT NULL,
    "extra_data" TEXT,
    "proof" TEXT,

    CONSTRAINT "worker_inferences_pkey" PRIMARY KEY ("network_id", "topic_id", "nonce", "inferer", "label")
);

-- CreateTable
CREATE TABLE "forecasts" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "nonce" BIGINT NOT NULL,
    "forecaster" TEXT NOT NULL,
    "inferer" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "value" DECIMAL NOT NULL,
    "block_height" BIGINT NOT NULL,

    CONSTRAINT "forecasts_pkey" PRIMARY KEY ("network_id", "topic_id", "nonce", "forecaster", "inferer", "label")
);

-- CreateTable
CREATE TABLE "network_inferences" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "nonce" BIGINT NOT NULL,
    "label" TEXT NOT NULL,
    "outlier_resistant" BOOLEAN NOT NULL DEFAULT false,
    "combined_value" DECIMAL NOT NULL,
    "naive_value" DECIMAL,
    "block_height" BIGINT NOT NULL,

    CONSTRAINT "network_inferences_pkey" PRIMARY KEY ("network_id", "topic_id", "nonce", "label", "outlier_resistant")
);

-- CreateTable
CREATE TABLE "network_inference_values" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "nonce" BIGINT NOT NULL,
    "label" TEXT NOT NULL,
    "outlier_resistant" BOOLEAN NOT NULL DEFAULT false,
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "peer" TEXT NOT NULL DEFAULT '',
    "value" DECIMAL NOT NULL,

    CONSTRAINT "network_inference_values_pkey" PRIMARY KEY ("network_id", "topic_id", "nonce", "label", "outlier_resistant", "kind", "actor", "peer")
);

-- CreateTable
CREATE TABLE "inference_weights" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "nonce" BIGINT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "weight" DECIMAL,
    "regret" DECIMAL,

    CONSTRAINT "inference_weights_pkey" PRIMARY KEY ("network_id", "topic_id", "nonce", "actor_type", "address")
);

-- CreateTable
CREATE TABLE "loss_bundles" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "nonce" BIGINT NOT NULL,
    "reputer" TEXT NOT NULL DEFAULT '',
    "combined_value" DECIMAL NOT NULL,
    "naive_value" DECIMAL,
    "block_height" BIGINT NOT NULL,
    "signature" TEXT,
    "pubkey" TEXT,

    CONSTRAINT "loss_bundles_pkey" PRIMARY KEY ("network_id", "topic_id", "nonce", "reputer")
);

-- CreateTable
CREATE TABLE "loss_values" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "nonce" BIGINT NOT NULL,
    "reputer" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "peer" TEXT NOT NULL DEFAULT '',
    "value" DECIMAL NOT NULL,

    CONSTRAINT "loss_values_pkey" PRIMARY KEY ("network_id", "topic_id", "nonce", "reputer", "kind", "actor", "peer")
);

-- CreateTable
CREATE TABLE "scores" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "block_height" BIGINT NOT NULL,
    "score" DECIMAL NOT NULL,
    "is_active" BOOLEAN,

    CONSTRAINT "scores_pkey" PRIMARY KEY ("network_id", "topic_id", "actor_type", "kind", "address", "block_height")
);

-- CreateTable
CREATE TABLE "rewards" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "block_height" BIGINT NOT NULL,
    "amount" DECIMAL NOT NULL,
    "block_height_tx" BIGINT,

    CONSTRAINT "rewards_pkey" PRIMARY KEY ("network_id", "topic_id", "actor_type", "address", "block_height")
);

-- CreateTable
CREATE TABLE "topic_rewards" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "block_height" BIGINT NOT NULL,
    "amount" DECIMAL NOT NULL,

    CONSTRAINT "topic_rewards_pkey" PRIMARY KEY ("network_id", "topic_id", "block_height")
);

-- CreateTable
CREATE TABLE "reputer_stakes" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "reputer" TEXT NOT NULL,
    "block_height" BIGINT NOT NULL,
    "self_stake" DECIMAL(78,0) NOT NULL,
    "delegated_stake" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "reputer_stakes_pkey" PRIMARY KEY ("network_id", "topic_id", "reputer", "block_height")
);

-- CreateTable
CREATE TABLE "delegator_placements" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "reputer" TEXT NOT NULL,
    "delegator" TEXT NOT NULL,
    "block_height" BIGINT NOT NULL,
    "amount" DECIMAL NOT NULL,
    "reward_debt" DECIMAL NOT NULL,

    CONSTRAINT "delegator_placements_pkey" PRIMARY KEY ("network_id", "topic_id", "reputer", "delegator", "block_height")
);

-- CreateTable
CREATE TABLE "reward_per_share" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "reputer" TEXT NOT NULL,
    "block_height" BIGINT NOT NULL,
    "reward_per_share" DECIMAL NOT NULL,

    CONSTRAINT "reward_per_share_pkey" PRIMARY KEY ("network_id", "topic_id", "reputer", "block_height")
);

-- CreateTable
CREATE TABLE "stake_events" (
    "network_id" INTEGER NOT NULL,
    "block_height" BIGINT NOT NULL,
    "event_index" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "reputer" TEXT NOT NULL,
    "delegator" TEXT NOT NULL DEFAULT '',
    "amount" DECIMAL NOT NULL,

    CONSTRAINT "stake_events_pkey" PRIMARY KEY ("network_id", "block_height", "event_index")
);

-- CreateTable
CREATE TABLE "stake_removals" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "reputer" TEXT NOT NULL,
    "delegator" TEXT NOT NULL DEFAULT '',
    "requested_height" BIGINT NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "completion_height" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "cancelled_height" BIGINT,
    "completed_height" BIGINT,

    CONSTRAINT "stake_removals_pkey" PRIMARY KEY ("network_id", "topic_id", "reputer", "delegator", "requested_height")
);

-- CreateTable
CREATE TABLE "validators" (
    "network_id" INTEGER NOT NULL,
    "operator_address" TEXT NOT NULL,
    "moniker" TEXT NOT NULL,
    "identity" TEXT NOT NULL DEFAULT '',
    "website" TEXT NOT NULL DEFAULT '',
    "details" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "jailed" BOOLEAN NOT NULL,
    "tokens" DECIMAL(78,0) NOT NULL,
    "delegator_shares" DECIMAL NOT NULL,
    "commission_rate" DECIMAL NOT NULL,
    "commission_max_rate" DECIMAL NOT NULL,
    "commission_max_change_rate" DECIMAL NOT NULL,
    "commission_updated_at" TIMESTAMPTZ(3),
    "min_self_delegation" DECIMAL(78,0) NOT NULL,
    "updated_height" BIGINT NOT NULL,

    CONSTRAINT "validators_pkey" PRIMARY KEY ("network_id", "operator_address")
);

-- CreateTable
CREATE TABLE "validator_history" (
    "network_id" INTEGER NOT NULL,
    "operator_address" TEXT NOT NULL,
    "block_height" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "jailed" BOOLEAN NOT NULL,
    "tokens" DECIMAL(78,0) NOT NULL,
    "commission_rate" DECIMAL NOT NULL,

    CONSTRAINT "validator_history_pkey" PRIMARY KEY ("network_id", "operator_address", "block_height")
);

-- CreateTable
CREATE TABLE "validator_delegations" (
    "network_id" INTEGER NOT NULL,
    "delegator" TEXT NOT NULL,
    "operator_address" TEXT NOT NULL,
    "shares" DECIMAL NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "updated_height" BIGINT NOT NULL,

    CONSTRAINT "validator_delegations_pkey" PRIMARY KEY ("network_id", "delegator", "operator_address")
);

-- CreateTable
CREATE TABLE "validator_unbondings" (
    "network_id" INTEGER NOT NULL,
    "delegator" TEXT NOT NULL,
    "operator_address" TEXT NOT NULL,
    "creation_height" BIGINT NOT NULL,
    "completion_time" TIMESTAMPTZ(3) NOT NULL,
    "initial_balance" DECIMAL(78,0) NOT NULL,
    "balance" DECIMAL(78,0) NOT NULL,
    "status" TEXT NOT NULL,
    "updated_height" BIGINT NOT NULL,

    CONSTRAINT "validator_unbondings_pkey" PRIMARY KEY ("network_id", "delegator", "operator_address", "creation_height")
);

-- CreateTable
CREATE TABLE "emission_snapshots" (
    "network_id" INTEGER NOT NULL,
    "block_height" BIGINT NOT NULL,
    "inflation" DECIMAL,
    "block_emission" DECIMAL(78,0),
    "emission_per_month" DECIMAL(78,0),
    "network_staked_tokens" DECIMAL(78,0),
    "circulating_supply" DECIMAL(78,0),
    "validators_percent" DECIMAL,
    "reputers_percent" DECIMAL,
    "ecosystem_mint" DECIMAL(78,0),
    "raw" JSONB,

    CONSTRAINT "emission_snapshots_pkey" PRIMARY KEY ("network_id", "block_height")
);

-- CreateTable
CREATE TABLE "ground_truth" (
    "source" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "value" DECIMAL NOT NULL,
    "high" DECIMAL,
    "low" DECIMAL,

    CONSTRAINT "ground_truth_pkey" PRIMARY KEY ("source", "series", "time")
);

-- CreateTable
CREATE TABLE "signals" (
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "strategy" TEXT NOT NULL,
    "published_height" BIGINT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "direction" TEXT NOT NULL,
    "predicted_value" DECIMAL NOT NULL,
    "reference_value" DECIMAL,
    "horizon_seconds" INTEGER NOT NULL,
    "realized_value" DECIMAL,
    "return_bps" DECIMAL,
    "scored_at" TIMESTAMPTZ(3),

    CONSTRAINT "signals_pkey" PRIMARY KEY ("network_id", "topic_id", "strategy", "published_height")
);

-- CreateIndex
CREATE UNIQUE INDEX "networks_chain_id_key" ON "networks"("chain_id");

-- CreateIndex
CREATE INDEX "blocks_network_id_time_idx" ON "blocks"("network_id", "time");

-- AddForeignKey
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "ingest_batches_network_id_received_at_idx" ON "ingest_batches"("network_id", "received_at");

-- CreateIndex
CREATE INDEX "registrations_network_id_address_registered_height_idx" ON "registrations"("network_id", "address", "registered_height");

-- CreateIndex
CREATE INDEX "worker_inferences_network_id_inferer_nonce_idx" ON "worker_inferences"("network_id", "inferer", "nonce");

-- CreateIndex
CREATE INDEX "forecasts_network_id_forecaster_nonce_idx" ON "forecasts"("network_id", "forecaster", "nonce");

-- CreateIndex
CREATE INDEX "network_inferences_network_id_topic_id_block_height_idx" ON "network_inferences"("network_id", "topic_id", "block_height");

-- CreateIndex
CREATE INDEX "network_inference_values_network_id_actor_nonce_idx" ON "network_inference_values"("network_id", "actor", "nonce");

-- CreateIndex
CREATE INDEX "inference_weights_network_id_address_nonce_idx" ON "inference_weights"("network_id", "address", "nonce");

-- CreateIndex
CREATE INDEX "loss_bundles_network_id_topic_id_block_height_idx" ON "loss_bundles"("network_id", "topic_id", "block_height");

-- CreateIndex
CREATE INDEX "loss_values_network_id_actor_nonce_idx" ON "loss_values"("network_id", "actor", "nonce");

-- CreateIndex
CREATE INDEX "scores_network_id_topic_id_block_height_idx" ON "scores"("network_id", "topic_id", "block_height");

-- CreateIndex
CREATE INDEX "scores_network_id_address_block_height_idx" ON "scores"("network_id", "address", "block_height");

-- CreateIndex
CREATE INDEX "rewards_network_id_topic_id_block_height_idx" ON "rewards"("network_id", "topic_id", "block_height");

-- CreateIndex
CREATE INDEX "rewards_network_id_address_block_height_idx" ON "rewards"("network_id", "address", "block_height");

-- CreateIndex
CREATE INDEX "reputer_stakes_network_id_reputer_block_height_idx" ON "reputer_stakes"("network_id", "reputer", "block_height");

-- CreateIndex
CREATE INDEX "delegator_placements_network_id_delegator_block_height_idx" ON "delegator_placements"("network_id", "delegator", "block_height");

-- CreateIndex
CREATE INDEX "stake_events_network_id_topic_id_block_height_idx" ON "stake_events"("network_id", "topic_id", "block_height");

-- CreateIndex
CREATE INDEX "stake_events_network_id_delegator_block_height_idx" ON "stake_events"("network_id", "delegator", "block_height");

-- CreateIndex
CREATE INDEX "stake_events_network_id_reputer_block_height_idx" ON "stake_events"("network_id", "reputer", "block_height");

-- CreateIndex
CREATE INDEX "stake_removals_network_id_delegator_requested_height_idx" ON "stake_removals"("network_id", "delegator", "requested_height");

-- CreateIndex
CREATE INDEX "stake_removals_network_id_status_completion_height_idx" ON "stake_removals"("network_id", "status", "completion_height");

-- CreateIndex
CREATE INDEX "validator_delegations_network_id_operator_address_idx" ON "validator_delegations"("network_id", "operator_address");

-- CreateIndex
CREATE INDEX "validator_unbondings_network_id_operator_address_idx" ON "validator_unbondings"("network_id", "operator_address");

-- CreateIndex
CREATE INDEX "signals_network_id_published_at_idx" ON "signals"("network_id", "published_at");
