// Runs once when the Next.js server starts. The start-up itself is Node-only (database, collector), so it is
// imported only in that runtime and never compiled for the Edge one.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startUp } = await import("@/lib/start-up");
    await startUp();
  }
}
