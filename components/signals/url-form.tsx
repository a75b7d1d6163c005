"use client";
// A GET form that, with JavaScript, navigates on the client: only the page's server payload is fetched, not a whole
// new document, so a parameter change re-renders in place ("router"); or, for a page that computes its view from the
// URL in the browser, only the URL changes ("history": pushState, which Next's router and useSearchParams follow).
// Without JavaScript it is a plain GET form.
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent, type ReactNode } from "react";

type Props = { action: string; label: string; navigate?: "router" | "history"; className?: string; testId?: string; children: ReactNode };

export function UrlForm({ action, label, navigate = "router", className, testId, children }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value !== "") query.set(key, value);
    const url = `${action}?${query.toString()}`;
    if (navigate === "history") window.history.pushState(null, "", url);
    else startTransition(() => router.push(url, { scroll: false }));
  };
  return (
    <form method="get" action={action} onSubmit={submit} aria-label={label} aria-busy={pending} data-testid={testId} className={className}>
      {children}
    </form>
  );
}
