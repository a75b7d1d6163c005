// GET /api/v1/[dataset] – every public dataset through one handler: filters → rate limit → JSON page, count or stream.
import { answerDatasetRequest } from "@/lib/api/dataset-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ dataset: string }> }) {
  return answerDatasetRequest(request, (await params).dataset);
}
