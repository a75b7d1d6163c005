// `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database when it is unset.
import { getDb } from "@/lib/db";

const db = await getDb();
const { applied, total } = db.migrations;
console.log(
  applied.length
    ? `migrated ${db.kind} database: applied ${applied.join(", ")} (${total} in total)`
    : `${db.kind} database is up to date (${total} migration(s) applied)`,
);
await db.close();
