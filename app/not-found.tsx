import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { CompassIcon } from "@/components/ui/icons";
import { NAV_ITEMS } from "@/components/layout/nav-items";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-12 text-center">
      <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-accent text-accent-foreground">
        <CompassIcon />
      </div>
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="mt-1 text-xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        There is nothing at this address. It may have moved, or the topic or account in the link does not exist on
        this network.
      </p>
      <Link href="/" className={buttonClassName("primary", "md", "mt-6")}>
        Go to overview
      </Link>
      <nav aria-label="Sections" className="mt-6 text-sm">
        <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1">
          {NAV_ITEMS.filter((item) => item.href !== "/").map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="text-primary underline-offset-4 hover:underline">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
