"use client";
// The one client provider boundary. Wallet and query providers join here when those features land.
import type { ReactNode } from "react";
import { ThemeProvider } from "next-themes";

/** `nonce`: this response's CSP nonce, for next-themes' inline script that sets the theme before first paint. */
export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  return (
    <ThemeProvider nonce={nonce} attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      {children}
    </ThemeProvider>
  );
}
