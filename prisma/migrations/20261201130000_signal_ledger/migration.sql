-- The signal ledger: one row per (topic, label, strategy, publish height), written once through the ingest route
-- with the strategy's parameters and the inputs it used, then scored once when its horizon has passed.

-- A multi-horizon topic publishes one signal per label (horizon).
ALTER TABLE "signals" ADD COLUMN "label" TEXT NOT NULL DEFAULT '';
ALTER TABLE "signals" DROP CONSTRAINT "signals_pkey";
ALTER TABLE "signals" ADD CONSTRAINT "signals_pkey" PRIMARY KEY ("network_id", "topic_id", "label", "strategy", "published_height");

ALTER TABLE "signals" ADD COLUMN "expected_return_bps" DECIMAL;
ALTER TABLE "signals" ADD COLUMN "confidence" DECIMAL;
ALTER TABLE "signals" ADD COLUMN "size" DECIMAL NOT NULL DEFAULT 0;
ALTER TABLE "signals" ADD COLUMN "params" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "signals" ADD COLUMN "inputs" JSONB NOT NULL DEFAULT '{}';
-- When the ledger received the row: a signal recorded long after its publish time was backfilled, not live.
ALTER TABLE "signals" ADD COLUMN "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

CREATE INDEX "signals_network_id_scored_at_idx" ON "signals"("network_id", "scored_at");

-- The database itself keeps the ledger honest: a published signal's published columns never change, its score is
-- filled once and never rewritten, and no signal is ever deleted.
CREATE FUNCTION "signals_refuse_rewrite"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'signal ledger is append-only: signal (topic %, %, %, height %) cannot be deleted',
      OLD.topic_id, OLD.label, OLD.strategy, OLD.published_height USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF (NEW.network_id, NEW.topic_id, NEW.label, NEW.strategy, NEW.published_height, NEW.published_at, NEW.direction,
      NEW.predicted_value, NEW.reference_value, NEW.horizon_seconds, NEW.expected_return_bps, NEW.confidence, NEW.size,
      NEW.params, NEW.inputs, NEW.recorded_at)
     IS DISTINCT FROM
     (OLD.network_id, OLD.topic_id, OLD.label, OLD.strategy, OLD.published_height, OLD.published_at, OLD.direction,
      OLD.predicted_value, OLD.reference_value, OLD.horizon_seconds, OLD.expected_return_bps, OLD.confidence, OLD.size,
      OLD.params, OLD.inputs, OLD.recorded_at) THEN
    RAISE EXCEPTION 'signal ledger is append-only: published columns of signal (topic %, %, %, height %) cannot be updated',
      OLD.topic_id, OLD.label, OLD.strategy, OLD.published_height USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD.scored_at IS NOT NULL AND (NEW.realized_value, NEW.return_bps, NEW.scored_at) IS DISTINCT FROM (OLD.realized_value, OLD.return_bps, OLD.scored_at) THEN
    RAISE EXCEPTION 'signal ledger is append-only: signal (topic %, %, %, height %) is already scored',
      OLD.topic_id, OLD.label, OLD.strategy, OLD.published_height USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "signals_append_only" BEFORE UPDATE OR DELETE ON "signals"
  FOR EACH ROW EXECUTE FUNCTION "signals_refuse_rewrite"();
