export type NavItem = { href: string; label: string };

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/topics", label: "Topics" },
  { href: "/signals", label: "Signals" },
  { href: "/staking", label: "Staking" },
  { href: "/data", label: "Data" },
];

/** A section is current on its own path and on every path beneath it ("/topics/42" is in Topics). */
export function isCurrentSection(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
