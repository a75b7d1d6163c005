-- x/distribution and x/slashing: validator rewards summed per 1,000-block bucket from the begin-block `rewards`
-- (total allocation, commission included) and `commission` events; delegators' pending validator rewards and
-- validators' signing info, each as of the state read that saw it.
CREATE TABLE "validator_rewards" (
    "network_id" INTEGER NOT NULL,
    "operator_address" TEXT NOT NULL,
    "bucket_height" BIGINT NOT NULL,
    "from_height" BIGINT NOT NULL,
    "to_height" BIGINT NOT NULL,
    "blocks" INTEGER NOT NULL,
    "rewards" DECIMAL NOT NULL,
    "commission" DECIMAL NOT NULL,

    CONSTRAINT "validator_rewards_pkey" PRIMARY KEY ("network_id","operator_address","bucket_height")
);
CREATE INDEX "validator_rewards_network_id_to_height_idx" ON "validator_rewards"("network_id", "to_height");

CREATE TABLE "validator_pending_rewards" (
    "network_id" INTEGER NOT NULL,
    "delegator" TEXT NOT NULL,
    "operator_address" TEXT NOT NULL,
    "amount" DECIMAL NOT NULL,
    "updated_height" BIGINT NOT NULL,

    CONSTRAINT "validator_pending_rewards_pkey" PRIMARY KEY ("network_id","delegator","operator_address")
);

CREATE TABLE "validator_signing_infos" (
    "network_id" INTEGER NOT NULL,
    "operator_address" TEXT NOT NULL,
    "consensus_address" TEXT NOT NULL,
    "start_height" BIGINT NOT NULL,
    "missed_blocks_counter" BIGINT NOT NULL,
    "signed_blocks_window" BIGINT NOT NULL,
    "jailed_until" TIMESTAMPTZ(3),
    "tombstoned" BOOLEAN NOT NULL,
    "updated_height" BIGINT NOT NULL,

    CONSTRAINT "validator_signing_infos_pkey" PRIMARY KEY ("network_id","operator_address")
);
