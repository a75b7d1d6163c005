// Which horizon a topic's label predicts: the label itself ("20m") on a multi-horizon topic, otherwise the topic's
// single horizon; null when neither says (a signal is never published against a guessed horizon).
import type { TopicHorizon, TopicMetadata } from "@/lib/forecast/topic-meta";
import { parseTopicMetadata } from "@/lib/forecast/topic-meta";

export function horizonOfLabel(meta: TopicMetadata, label: string): TopicHorizon | null {
  const own = parseTopicMetadata(label).horizons[0];
  if (own && meta.horizons.some((h) => h.seconds === own.seconds)) return own;
  return meta.horizons.length === 1 ? meta.horizons[0]! : null;
}
