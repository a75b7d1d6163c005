-- Each network inference's realized value (the price at t + horizon, the log return or the realized volatility over
-- it, per lib/forecast/realized-sql.ts), written by lib/ingest/realized.ts in the ingest transaction, so the forecast
-- chart reads it with the epoch instead of probing prices per epoch. realized_key names the spec it was computed
-- under (source, series, category, horizon); NULL (never computed, e.g. before the epoch's block arrived) or a key
-- other than the topic page's makes the chart compute the value from the prices as before.
ALTER TABLE "network_inferences" ADD COLUMN "realized_value" DOUBLE PRECISION, ADD COLUMN "realized_key" TEXT;
