-- What the collector's realized-price source answered last, for "no realized prices: source X unreachable".
ALTER TABLE "collector_state" ADD COLUMN "price_source" TEXT;
ALTER TABLE "collector_state" ADD COLUMN "price_source_error" TEXT;
ALTER TABLE "collector_state" ADD COLUMN "price_source_checked_at" TIMESTAMPTZ(3);
ALTER TABLE "collector_state" ADD COLUMN "price_source_ok_at" TIMESTAMPTZ(3);

-- The mint module's max supply, for the tokenomics panel.
ALTER TABLE "emission_snapshots" ADD COLUMN "max_supply" DECIMAL(78,0);
