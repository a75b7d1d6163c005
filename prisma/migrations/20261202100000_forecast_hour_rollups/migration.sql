-- Per-(topic, hour) and per-(topic, day) rollups of what the topic page aggregates over long ranges, kept by
-- lib/ingest/rollups.ts in the ingest transaction, so a month reads hours and a year reads days instead of every
-- epoch × worker row. `grain` is 'h' (the row sums the hour starting at `hour`) or 'd' (the UTC day starting
-- there: the sum of its hour rows). Hours are those of the block time at the nonce's height.

-- Losses as the chain's network loss bundles reported them: role 'network' (actor ''): the network's loss (n, sum)
-- and the naive loss over those epochs; 'inferer': each inferer's loss (n, sum) and the epochs the network beat it;
-- 'reputer': the loss bundles each reputer sent (n).
CREATE TABLE "loss_hours" (
    "grain" TEXT NOT NULL,
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "role" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "loss_sum" DOUBLE PRECISION,
    "wins" INTEGER NOT NULL DEFAULT 0,
    "naive_sum" DOUBLE PRECISION,
    "naive_n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "loss_hours_pkey" PRIMARY KEY ("network_id","topic_id","grain","role","hour","actor")
);

-- Per label, each worker's one-out (inferers) or one-in (forecasters) effect on the network inference (n, sum),
-- the chain's weight beside it (n, sum), and the epochs its value was part of the network inference.
CREATE TABLE "worker_hours" (
    "grain" TEXT NOT NULL,
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "label" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "role" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "inclusions" INTEGER NOT NULL DEFAULT 0,
    "effect_n" INTEGER NOT NULL DEFAULT 0,
    "effect_sum" DOUBLE PRECISION,
    "weight_n" INTEGER NOT NULL DEFAULT 0,
    "weight_sum" DOUBLE PRECISION,

    CONSTRAINT "worker_hours_pkey" PRIMARY KEY ("network_id","topic_id","grain","hour","label","role","actor")
);

-- Rewards paid per actor (exact sums, uallo) and how many reward rows made them.
CREATE TABLE "reward_hours" (
    "grain" TEXT NOT NULL,
    "network_id" INTEGER NOT NULL,
    "topic_id" BIGINT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "role" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "amount" DECIMAL NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "reward_hours_pkey" PRIMARY KEY ("network_id","topic_id","grain","hour","role","actor")
);

-- Realized-price log returns per hour (count, sum, sum of squares), for volatility over long ranges; a return is
-- in the hour of its later price.
CREATE TABLE "price_hours" (
    "grain" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "n" INTEGER NOT NULL,
    "r_sum" DOUBLE PRECISION,
    "r2_sum" DOUBLE PRECISION,

    CONSTRAINT "price_hours_pkey" PRIMARY KEY ("source","series","grain","hour")
);
