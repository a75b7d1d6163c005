-- The topic page finds a topic's realized-price series by name, whatever source delivered it.
CREATE INDEX "ground_truth_series_time_idx" ON "ground_truth"("series", "time");
