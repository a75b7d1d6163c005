-- Missing is NULL: a value the chain did not send is stored as NULL, never as a made-up 0 or NaN.
ALTER TABLE "validators" ALTER COLUMN "commission_max_rate" DROP NOT NULL;
ALTER TABLE "validators" ALTER COLUMN "commission_max_change_rate" DROP NOT NULL;
ALTER TABLE "validators" ALTER COLUMN "min_self_delegation" DROP NOT NULL;
ALTER TABLE "loss_bundles" ALTER COLUMN "combined_value" DROP NOT NULL;
ALTER TABLE "stake_events" ALTER COLUMN "amount" DROP NOT NULL;

-- Ended positions are closed, not deleted: ended_at_height is the height of the state read that no longer found
-- the position (updated_height / block_height keep the last height it was seen), end_reason says why.
ALTER TABLE "validator_delegations" ADD COLUMN "ended_at_height" BIGINT;
ALTER TABLE "validator_delegations" ADD COLUMN "end_reason" TEXT;
ALTER TABLE "validator_unbondings" ADD COLUMN "ended_at_height" BIGINT;
ALTER TABLE "validator_unbondings" ADD COLUMN "end_reason" TEXT;
ALTER TABLE "delegator_placements" ADD COLUMN "ended_at_height" BIGINT;
ALTER TABLE "delegator_placements" ADD COLUMN "end_reason" TEXT;
