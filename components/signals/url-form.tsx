"use client";
// A GET form that, with JavaScript, navigates on the client: only the page's server payload is fetched, not a whole
// new document, so a parameter change re-renders in place. Without JavaScript it is a plain GET form.
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent, type ReactNode } from "react";

export function UrlForm({ action, label, className, testId, children }: { action: string; label: string; className?: string; testId?: string; children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value !== "") query.set(key, value);
    startTransition(() => router.push(`${action}?${query.toString()}`, { scroll: false }));
  };
  return (
    <form method="get" action={action} onSubmit={submit} aria-label={label} aria-busy={pending} data-testid={testId} className={className}>
      {children}
    </form>
  );
}
