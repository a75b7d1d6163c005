// On Postgres a CSV export is rendered by the database (COPY … TO STDOUT); everywhere else, and for every JSON
// page, rows are written by lib/datasets/formats. Both must give the same file: here every dataset's CSV is compared,
// byte for byte, with its JSON rows written as CSV, over rows with commas, quotes, newlines, empty texts, formula
// starts, lists and missing values.
import { describe, expect, it } from "vitest";
import { DATASETS } from "@/lib/datasets/registry";
import { csvHeader, csvLines } from "@/lib/datasets/formats";
import { describeTestDatabase } from "../support/test-db";
import { setRouteEnv, withTestDatabase } from "../support/post-batch";
import { everyDatasetBatch, FORMULA_METADATA, topicRow } from "../support/dataset-batches";
import { parseCsv } from "../support/csv";

setRouteEnv({ ALLORA_NETWORK: "testnet", API_RATE_LIMIT: "100000" });
const { GET } = await import("@/app/api/v1/[dataset]/route");

const LABELS = ["a,b", 'q"x', "", "=1+1", "line\nbreak", "\\.", "ünï"];

withTestDatabase(() => {
  const batch = everyDatasetBatch();
  batch.rows.topics!.push({ ...topicRow(2, FORMULA_METADATA, 20), metadata: "", label_whitelist: LABELS });
  batch.rows.topics!.push({ ...topicRow(3, "\\.", 20), label_whitelist: ["-1"] });
  batch.rows.topics!.push(topicRow(4, FORMULA_METADATA, 20), topicRow(5, "-0.5 is text here", 20));
  return batch;
});

const get = (dataset: string, query: string) =>
  GET(new Request(`http://localhost/api/v1/${dataset}?${query}`), { params: Promise.resolve({ dataset }) });

/** Every row of a dataset through JSON pages, following the cursor to the end. */
async function jsonRows(dataset: string, query: string) {
  const rows: Record<string, unknown>[] = [];
  let cursor = "";
  do {
    const page = await (await get(dataset, `${query}&limit=1000${cursor && `&cursor=${cursor}`}`)).json();
    rows.push(...page.rows);
    cursor = page.next_cursor ?? "";
  } while (cursor);
  return rows;
}

describe(`CSV exports (${describeTestDatabase()})`, () => {
  it.each(DATASETS.map((d) => [d.name, d] as const))("%s: the CSV file is its JSON rows written as CSV, byte for byte", async (name, def) => {
    const res = await get(name, "format=csv");
    expect(res.status).toBe(200);
    const csv = await res.text();
    const rows = await jsonRows(name, "format=json");
    expect(csv).toBe(csvHeader(def.columns) + csvLines(def.columns, rows));
    expect(parseCsv(csv)).toHaveLength(rows.length + 1);
  });

  it("fills every dataset but signals (no writer in this batch) with rows, so the comparisons above are of real files", async () => {
    const empty = [];
    for (const d of DATASETS) if ((await jsonRows(d.name, "format=json")).length === 0) empty.push(d.name);
    expect(empty).toEqual(["signals"]);
  });

  it("tells an empty text from a missing value, guards formulas and keeps lists as JSON", async () => {
    const csv = await (await get("topics", "format=csv&columns=topic_id,metadata,label_whitelist,topic_type")).text();
    const lines = csv.split("\n");
    expect(lines[0]).toBe("topic_id,metadata,topic_type,label_whitelist");
    const quotedList = `"${JSON.stringify(LABELS).replaceAll('"', '""')}"`;
    expect(csv).toContain(`\n2,"",,${quotedList}\n`);
    expect(parseCsv(csv)[2]).toEqual(["2", "", "", JSON.stringify(LABELS)]);
    expect(parseCsv(csv)[3]).toEqual(["3", "\\.", "", '["-1"]']);
    expect(parseCsv(csv).slice(4, 6).map((r) => r[1])).toEqual([`'${FORMULA_METADATA}`, "'-0.5 is text here"]);
  });

  it("quotes a lone \\. in a one-column file, which a COPY reader would take for the end of the data", async () => {
    const csv = await (await get("topics", "format=csv&columns=metadata")).text();
    expect(csv.split("\n")).toContain('"\\."');
  });

  it("stops a filtered export at the filter, in the same bytes as the JSON pages", async () => {
    const query = "topic=1&from_height=5&to_height=9&address=" + encodeURIComponent((await jsonRows("worker_inferences", "format=json"))[0]!.inferer as string);
    const def = DATASETS.find((d) => d.name === "worker_inferences")!;
    const rows = await jsonRows("worker_inferences", `format=json&${query}`);
    expect(rows.length).toBe(5);
    expect(await (await get("worker_inferences", `format=csv&${query}`)).text()).toBe(csvHeader(def.columns) + csvLines(def.columns, rows));
  });
});
