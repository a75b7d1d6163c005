// Prints Prisma-style DDL for the whole of prisma/schema.prisma. `prisma migrate dev` cannot run offline, so a new
// migration is written by hand: compare this output with the previous migrations, and the drift test confirms it.
import wasm from "@prisma/prisma-schema-wasm";
import { expectedShape, readSchemaFile } from "../tests/support/schema-model";

type Field = { name: string; dbName: string | null; kind: string; default?: unknown; isList: boolean };
type Model = { name: string; dbName: string | null; fields: Field[] };

const schema = readSchemaFile();
const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: schema }))) as { datamodel: { models: Model[] } };
const shape = expectedShape(schema);
const q = (id: string) => `"${id}"`;
const sqlType = (t: string) =>
  t.replace("timestamp(3) with time zone", "TIMESTAMPTZ(3)").replace(/^numeric/, "DECIMAL").replace("integer", "INTEGER")
    .replace("bigint", "BIGINT").replace("text", "TEXT").replace("boolean", "BOOLEAN").replace("jsonb", "JSONB");

function defaultClause(field: Field): string {
  const d = field.default as { name?: string } | string | number | boolean | undefined;
  if (d === undefined) return "";
  if (typeof d === "object" && d.name === "now") return " DEFAULT CURRENT_TIMESTAMP";
  if (typeof d === "object" && d.name === "autoincrement") return "";
  if (typeof d === "string") return ` DEFAULT '${d.replace(/'/g, "''")}'`;
  return ` DEFAULT ${String(d)}`;
}

const out: string[] = [];
const after: string[] = [];
for (const model of dmmf.datamodel.models) {
  const table = model.dbName ?? model.name;
  const t = shape[table]!;
  const lines: string[] = [];
  for (const field of model.fields.filter((f) => f.kind !== "object")) {
    const col = field.dbName ?? field.name;
    const c = t.columns[col]!;
    const auto = typeof field.default === "object" && (field.default as { name?: string }).name === "autoincrement";
    const type = auto ? "SERIAL" : sqlType(c.type);
    lines.push(`    ${q(col)} ${type}${c.nullable ? "" : " NOT NULL"}${defaultClause(field)}`);
  }
  lines.push(`\n    CONSTRAINT ${q(`${table}_pkey`)} PRIMARY KEY (${t.primaryKey.map(q).join(", ")})`);
  out.push(`-- CreateTable\nCREATE TABLE ${q(table)} (\n${lines.join(",\n")}\n);\n`);
  for (const u of t.uniques)
    after.push(`-- CreateIndex\nCREATE UNIQUE INDEX ${q(`${table}_${u.join("_")}_key`)} ON ${q(table)}(${u.map(q).join(", ")});\n`);
  for (const i of t.indexes)
    after.push(`-- CreateIndex\nCREATE INDEX ${q(`${table}_${i.join("_")}_idx`)} ON ${q(table)}(${i.map(q).join(", ")});\n`);
  for (const f of t.foreignKeys)
    after.push(
      `-- AddForeignKey\nALTER TABLE ${q(table)} ADD CONSTRAINT ${q(`${table}_${f.columns.join("_")}_fkey`)} FOREIGN KEY (${f.columns.map(q).join(", ")}) REFERENCES ${q(f.references)}(${f.referencedColumns.map(q).join(", ")}) ON DELETE CASCADE ON UPDATE CASCADE;\n`,
    );
}
process.stdout.write([...out, ...after].join("\n"));
