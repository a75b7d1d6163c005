"use client";
import { useEffect } from "react";
import Link from "next/link";
import { Button, buttonClassName } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  // Server errors arrive with their message replaced in production; the digest matches the server log line.
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-12 text-center">
      <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-warning-bg text-warning-fg">
        <AlertIcon />
      </div>
      <h1 className="text-xl font-semibold tracking-tight">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        Something went wrong while reading the indexed data, most often because the database is unreachable. Rather
        than show partial figures, this page shows none. Try again in a moment.
      </p>
      {digest ? (
        <p className="mt-3 text-xs text-muted-foreground">
          Reference: <code className="font-mono">{digest}</code>
        </p>
      ) : null}
      <div className="mt-6 flex gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <Link href="/" className={buttonClassName("outline")}>
          Go to overview
        </Link>
      </div>
    </div>
  );
}
