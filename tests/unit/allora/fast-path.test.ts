// The bulk arrays of events are checked by a loop before zod (lib/allora/schemas/fast-path.ts): the event schemas
// must accept, output and refuse (naming the same field with the same message) exactly what zod alone does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decOrNaNSchema } from "@/lib/allora/decimal";
import { evDecMatrix, evDecs, evStrings } from "@/lib/allora/schemas/event-fields";
import { eventValueBundleSchema } from "@/lib/allora/schemas/value-bundle";

const nullishList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

// The schemas as they were before the fast path: zod alone.
const zodOnly = {
  evDecs: nullishList(decOrNaNSchema),
  evStrings: nullishList(z.string()),
  evDecMatrix: nullishList(z.array(decOrNaNSchema)),
};
const withLoop = { evDecs, evStrings, evDecMatrix };

const cell = fc.oneof(
  fc.constantFrom("NaN", "0", "-1.5", "12345678901234567890.000000000000000000000000000001", "1e5", ".5", "nan", "", " 1", "-0"),
  fc.string(),
  fc.integer(),
  fc.constantFrom(null, undefined, true, {}, []),
);
const value = fc.oneof(
  fc.array(cell, { maxLength: 6 }),
  fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }),
  fc.array(fc.constantFrom("NaN", "0.25", "-3"), { maxLength: 8 }),
  fc.array(fc.array(fc.constantFrom("NaN", "0.25", "-3"), { maxLength: 5 }), { maxLength: 5 }),
  cell,
);

function outcome(schema: z.ZodType, input: unknown) {
  const r = z.object({ field: schema }).safeParse({ field: input });
  return r.success ? { data: r.data } : { issues: r.error.issues.map((i) => ({ path: i.path, message: i.message })) };
}

describe("event arrays' fast path", () => {
  it("accepts, outputs and refuses exactly what zod alone does, naming the same path and message", () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(zodOnly) as (keyof typeof zodOnly)[])), value, (name, input) => {
        expect(outcome(withLoop[name], input)).toEqual(outcome(zodOnly[name], input));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a v10 reputer bundle column by column, NaN padding dropped, and names a bad loss by its index", () => {
    const bundle = {
      inferer_addresses: ["w1", "w2"], forecaster_addresses: ["f1"],
      inferer_values: ["0.5", "NaN"], forecaster_values: ["-2"], one_out_inferer_values: ["NaN", "1"],
      one_out_forecaster_values: [], one_in_forecaster_values: ["3"], one_out_inferer_forecaster_values: [["0.125", "NaN"]],
      combined_value: "NaN", naive_value: "0.75",
    };
    const ok = eventValueBundleSchema.parse(bundle);
    expect(ok.inferers).toEqual([{ worker: "w1", value: "0.5" }]);
    expect(ok.oneOutInferers).toEqual([{ worker: "w2", value: "1" }]);
    expect(ok.oneOutInfererForecasters).toEqual([{ forecaster: "f1", withheldInferer: "w1", value: "0.125" }]);
    expect(ok.combined).toBe("NaN");
    const bad = eventValueBundleSchema.safeParse({ ...bundle, one_out_inferer_forecaster_values: [["0.125", "1e-3"]] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path)).toEqual([["one_out_inferer_forecaster_values", 0, 1]]);
  });
});
