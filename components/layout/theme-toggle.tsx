"use client";
import { useSyncExternalStore } from "react";
import { useTheme } from "next-themes";
import { Button } from "@/components/ui/button";
import { MoonIcon, SunIcon } from "@/components/ui/icons";

const noSubscription = () => () => {};

// The icon is chosen by CSS (the .dark class next-themes sets before paint), not by state, so the server HTML
// matches the first client render whatever the stored or system theme is. aria-pressed appears once hydrated,
// when the resolved theme is known.
export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const isDark = hydrated && resolvedTheme === "dark";
  return (
    <Button
      variant="ghost"
      size="icon"
      onClick={() => setTheme(isDark ? "light" : "dark")}
      aria-label="Dark theme"
      aria-pressed={hydrated ? isDark : undefined}
      title={isDark ? "Switch to light theme" : "Switch to dark theme"}
    >
      <SunIcon className="hidden dark:block" />
      <MoonIcon className="block dark:hidden" />
    </Button>
  );
}
