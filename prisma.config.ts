import { defineConfig } from "prisma/config";

// Only `prisma migrate deploy` on a connected machine needs a URL; the app applies migrations itself.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
