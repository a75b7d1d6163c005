-- What the node could not serve (state left out or read at another height, batch requests refused), as the
-- collector last reported it, for /api/health and the UI.
ALTER TABLE "collector_state" ADD COLUMN "notices" JSONB;
