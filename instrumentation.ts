// Runs once when the Next.js server starts: open the database and apply pending migrations before any request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/lib/db");
  const db = await getDb();
  const { applied, total } = db.migrations;
  console.log(`database: ${db.kind}, ${total} migration(s) applied${applied.length ? ` (new: ${applied.join(", ")})` : ""}`);
}
