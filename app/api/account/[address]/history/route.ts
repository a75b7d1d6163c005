// GET /api/account/{address}/history?from=YYYY-MM-DD&to=YYYY-MM-DD – an address's stake actions and rewards as CSV
// (for tax records), every row in the range, from the same query as the account page.
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { HISTORY_COLUMNS, listAccountHistory, type HistoryRowDto } from "@/lib/queries/staking-history";
import { checkAddress } from "@/lib/staking/address";
import { parseDateRange } from "@/lib/staking/date-range";

export const dynamic = "force-dynamic";

const toRecord = (r: HistoryRowDto) => [r.timeIso, r.height, r.action, r.system, r.topicId ?? "", r.counterparty, r.amount ?? ""];

export async function GET(request: Request, context: { params: Promise<{ address: string }> }) {
  try {
    const { address: raw } = await context.params;
    const check = checkAddress(decodeURIComponent(raw));
    if (!check.ok) throw new ApiError("invalid_request", "invalid address", [{ field: "address", message: check.reason }]);
    const url = new URL(request.url);
    const from = url.searchParams.get("from");
    const to = url.searchParams.get("to");
    const range = parseDateRange(from, to);
    if (!range.ok) throw new ApiError("invalid_request", "invalid date range", [{ field: range.field, message: range.message }]);
    const { rows } = await listAccountHistory(check.address, range.range);
    // Every cell is generated (addresses, numbers, fixed action names), so no formula can reach a spreadsheet.
    const csv = Readable.from(rows.map(toRecord)).pipe(stringify({ header: true, columns: [...HISTORY_COLUMNS] }));
    const name = `allora-staking-${check.address.slice(0, 12)}-${from ?? "start"}-${to ?? "now"}.csv`;
    return new Response(Readable.toWeb(csv) as ReadableStream, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` },
    });
  } catch (error) {
    return errorResponse(error, "GET /api/account/history");
  }
}
