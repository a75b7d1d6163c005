// The relational shape that prisma/schema.prisma describes, read through Prisma's own schema parser (wasm, so it
// works offline), and the same shape read back from a live database. The drift test compares the two.
import { readFileSync } from "node:fs";
import path from "node:path";
import wasm from "@prisma/prisma-schema-wasm";

export type ColumnShape = { type: string; nullable: boolean; isList: boolean };
export type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
  foreignKeys: { columns: string[]; references: string; referencedColumns: string[] }[];
};
export type SchemaShape = Record<string, TableShape>;

type DmmfField = {
  name: string;
  dbName: string | null;
  kind: "scalar" | "object" | "enum";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] };

const prismaTypes: Record<string, string> = {
  Int: "integer",
  BigInt: "bigint",
  String: "text",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Decimal: "numeric(65,30)",
  Json: "jsonb",
  Float: "double precision",
};

function nativeTypeName([name, args]: [string, string[]]): string {
  switch (name) {
    case "Decimal":
      return args.length ? `numeric(${args.join(",")})` : "numeric";
    case "Timestamptz":
      return `timestamp(${args[0] ?? "6"}) with time zone`;
    case "Timestamp":
      return `timestamp(${args[0] ?? "6"}) without time zone`;
    case "Text":
      return "text";
    default:
      throw new Error(`schema-model: native type @db.${name} is not mapped yet`);
  }
}

export function readSchemaFile(): string {
  return readFileSync(path.join(process.cwd(), "prisma/schema.prisma"), "utf8");
}

export function expectedShape(prismaSchema = readSchemaFile()): SchemaShape {
  const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema }))) as {
    datamodel: { models: DmmfModel[]; indexes: DmmfIndex[] };
  };
  const models = dmmf.datamodel.models;
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const shape: SchemaShape = {};
  for (const model of models) {
    const columnOf = (fieldName: string) => {
      const field = model.fields.find((f) => f.name === fieldName);
      if (!field) throw new Error(`schema-model: ${model.name}.${fieldName} not found`);
      return field.dbName ?? field.name;
    };
    const table: TableShape = { columns: {}, primaryKey: [], uniques: [], indexes: [], foreignKeys: [] };
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          const target = models.find((m) => m.name === field.type);
          if (!target) throw new Error(`schema-model: relation target ${field.type} not found`);
          table.foreignKeys.push({
            columns: field.relationFromFields.map(columnOf),
            references: tableOf(target),
            referencedColumns: (field.relationToFields ?? []).map((f) => {
              const targetField = target.fields.find((tf) => tf.name === f);
              return targetField?.dbName ?? f;
            }),
          });
        }
        continue;
      }
      const base = field.nativeType ? nativeTypeName(field.nativeType) : prismaTypes[field.type];
      if (!base) throw new Error(`schema-model: type ${field.type} is not mapped yet`);
      table.columns[field.dbName ?? field.name] = {
        type: field.isList ? `${base}[]` : base,
        // Prisma creates scalar-list columns without NOT NULL.
        nullable: field.isList ? true : !field.isRequired,
        isList: field.isList,
      };
    }
    for (const index of dmmf.datamodel.indexes.filter((i) => i.model === model.name)) {
      const columns = index.fields.map((f) => columnOf(f.name));
      if (index.type === "id") table.primaryKey = columns;
      else if (index.type === "unique") table.uniques.push(columns);
      else if (index.type === "normal") table.indexes.push(columns);
    }
    shape[tableOf(model)] = table;
  }
  return shape;
}

export type Query = <T>(sql: string) => Promise<T[]>;

/** Reads the same shape from a live database's catalog (public schema, Prisma's bookkeeping table excluded). */
export async function actualShape(query: Query): Promise<SchemaShape> {
  const columns = await query<{ table_name: string; column_name: string; type: string; nullable: boolean }>(`
    SELECT c.relname AS table_name, a.attname AS column_name,
           format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname, a.attnum`);
  const indexes = await query<{ table_name: string; is_primary: boolean; is_unique: boolean; columns: string }>(`
    SELECT t.relname AS table_name, i.indisprimary AS is_primary, i.indisunique AS is_unique,
           string_agg(a.attname, ',' ORDER BY k.ord) AS columns
    FROM pg_index i
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
    GROUP BY t.relname, i.indexrelid, i.indisprimary, i.indisunique`);
  const foreignKeys = await query<{ table_name: string; columns: string; references: string; referenced: string }>(`
    SELECT t.relname AS table_name, r.relname AS references,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS referenced
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_class r ON r.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE c.contype = 'f' AND n.nspname = 'public'`);

  const shape: SchemaShape = {};
  const tableFor = (name: string) =>
    (shape[name] ??= { columns: {}, primaryKey: [], uniques: [], indexes: [], foreignKeys: [] });
  for (const c of columns) {
    const isList = c.type.endsWith("[]");
    tableFor(c.table_name).columns[c.column_name] = { type: c.type, nullable: c.nullable, isList };
  }
  for (const i of indexes) {
    const cols = i.columns.split(",");
    const table = tableFor(i.table_name);
    if (i.is_primary) table.primaryKey = cols;
    else if (i.is_unique) table.uniques.push(cols);
    else table.indexes.push(cols);
  }
  for (const f of foreignKeys) {
    tableFor(f.table_name).foreignKeys.push({
      columns: f.columns.split(","),
      references: f.references,
      referencedColumns: f.referenced.split(","),
    });
  }
  return shape;
}

/** Human-readable differences, empty when the database matches the schema. */
export function diffShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const problems: string[] = [];
  const key = (cols: string[]) => cols.join(",");
  const setDiff = (a: string[][], b: string[][]) => a.map(key).filter((k) => !b.map(key).includes(k));
  for (const [tableName, table] of Object.entries(expected)) {
    const live = actual[tableName];
    if (!live) {
      problems.push(`table ${tableName}: missing from the database`);
      continue;
    }
    for (const [col, shape] of Object.entries(table.columns)) {
      const liveCol = live.columns[col];
      if (!liveCol) problems.push(`${tableName}.${col}: missing from the database`);
      else if (liveCol.type !== shape.type)
        problems.push(`${tableName}.${col}: type is ${liveCol.type}, schema says ${shape.type}`);
      else if (!shape.isList && liveCol.nullable !== shape.nullable)
        problems.push(`${tableName}.${col}: ${liveCol.nullable ? "nullable" : "NOT NULL"} in the database, schema says ${shape.nullable ? "optional" : "required"}`);
    }
    for (const col of Object.keys(live.columns))
      if (!(col in table.columns)) problems.push(`${tableName}.${col}: in the database but not in the schema`);
    if (key(live.primaryKey) !== key(table.primaryKey))
      problems.push(`${tableName}: primary key is (${key(live.primaryKey)}), schema says (${key(table.primaryKey)})`);
    for (const u of setDiff(table.uniques, live.uniques)) problems.push(`${tableName}: unique key (${u}) missing`);
    for (const u of setDiff(live.uniques, table.uniques)) problems.push(`${tableName}: unique key (${u}) not in the schema`);
    for (const i of setDiff(table.indexes, live.indexes)) problems.push(`${tableName}: index (${i}) missing`);
    for (const i of setDiff(live.indexes, table.indexes)) problems.push(`${tableName}: index (${i}) not in the schema`);
    const fk = (f: TableShape["foreignKeys"][number]) => `${key(f.columns)}->${f.references}(${key(f.referencedColumns)})`;
    for (const f of setDiff(table.foreignKeys.map((x) => [fk(x)]), live.foreignKeys.map((x) => [fk(x)])))
      problems.push(`${tableName}: foreign key ${f} missing`);
  }
  for (const tableName of Object.keys(actual))
    if (!(tableName in expected)) problems.push(`table ${tableName}: in the database but not in the schema`);
  return problems;
}
