"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { NAV_ITEMS, isCurrentSection } from "@/components/layout/nav-items";

export function SiteNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mb-px overflow-x-auto [scrollbar-width:none]">
      <ul className="flex min-w-max gap-1">
        {NAV_ITEMS.map((item) => {
          const current = isCurrentSection(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  // Negative outline offset keeps the focus ring inside the scroll container, which clips overflow.
                  "relative flex h-11 items-center border-b-2 px-2.5 text-sm font-medium transition-colors focus-visible:outline-offset-[-3px] sm:px-3",
                  current
                    ? "border-primary text-foreground"
                    : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
