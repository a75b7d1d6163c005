import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { DATASET_NAMES } from "@/lib/datasets/registry";
import { describeTestDatabase } from "../support/test-db";
import { setRouteEnv, withTestDatabase } from "../support/post-batch";
import { everyDatasetBatch } from "../support/dataset-batches";
import { validatorFor } from "../support/json-schema";
import { parseCsv } from "../support/csv";

setRouteEnv({ ALLORA_NETWORK: "testnet", API_RATE_LIMIT: "100000" });
const { GET } = await import("@/app/api/v1/[dataset]/route");
const { GET: getDocument } = await import("@/app/api/v1/openapi.json/route");

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let document: Json;
withTestDatabase(everyDatasetBatch);
beforeAll(async () => {
  document = await getDocument().json();
});

const call = (path: string) => {
  const url = new URL(`http://localhost${path}`);
  return GET(new Request(url), { params: Promise.resolve({ dataset: url.pathname.split("/").at(-1)! }) });
};

describe(`the OpenAPI document (${describeTestDatabase()})`, () => {
  it("is a valid OpenAPI 3.1 document with a path per dataset", async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(DATASET_NAMES.map((n) => `/api/v1/${n}`).sort());
  });

  it.each(DATASET_NAMES)("/api/v1/%s answers what the document promises (page, count, CSV, 400)", async (name) => {
    const operation = document.paths[`/api/v1/${name}`].get;
    const ok = operation.responses["200"];
    const json = validatorFor(ok.content["application/json"].schema, document);
    const documented = operation.parameters.map((p: Json) => p.name);
    expect(documented).toEqual(expect.arrayContaining(["topic", "address", "label", "from_height", "to_height", "from", "to", "format", "count", "cursor"]));

    const page = await call(`/api/v1/${name}`);
    expect(page.status).toBe(200);
    const body = await page.json();
    expect(json.safeParse(body).error?.issues ?? []).toEqual([]);
    if (name !== "signals") {
      expect(body.rows.length).toBeGreaterThan(0);
      // The check is not vacuous: a number where the document promises an exact string is refused.
      const broken = structuredClone(body);
      broken.rows[0][Object.keys(broken.rows[0])[0]!] = 12345;
      expect(json.safeParse(broken).success).toBe(false);
    }
    for (const header of Object.keys(ok.headers).filter((h) => ok.headers[h].required))
      expect(page.headers.get(header), header).not.toBeNull();

    const count = await call(`/api/v1/${name}?count=only`);
    const counted = await count.json();
    expect(() => json.parse(counted)).not.toThrow();
    expect(counted.count).toBe(String(body.rows.length));

    const csv = await call(`/api/v1/${name}?format=csv`);
    expect(Object.keys(ok.content)).toContain(csv.headers.get("content-type")!.split(";")[0]);
    const table = parseCsv(await csv.text());
    expect(table[0]).toEqual(Object.keys(document.components.schemas[`${name}_row`].properties));
    expect(table.length - 1).toBe(body.rows.length);

    const bad = await call(`/api/v1/${name}?format=pdf`);
    expect(bad.status).toBe(400);
    const body400 = await bad.json();
    expect(() => validatorFor(operation.responses["400"].content["application/json"].schema, document).parse(body400)).not.toThrow();
  });
});
