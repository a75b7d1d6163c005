import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import "./globals.css";
import { Providers } from "@/app/providers";
import { NONCE_HEADER } from "@/lib/security/csp";
import { getIndexStatus, type IndexStatusDto } from "@/lib/queries/status";
import { SiteHeader, PRODUCT_NAME } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { freshnessProblem, LagBanner } from "@/components/layout/lag-banner";
import { StateNotice, stateNoticeText } from "@/components/layout/state-notice";
import { walletChainOf } from "@/lib/queries/wallet-chain";

// The header shows live indexing freshness on every page, so nothing here may be prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: PRODUCT_NAME, template: `%s · ${PRODUCT_NAME}` },
  description: "Delegate ALLO on evidence, read Allora forecasts against reality, follow signals and export the data.",
  icons: { icon: "/icon.svg" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfbfd" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1117" },
  ],
};

// error.tsx does not cover the root layout, so a failing status read degrades the indicator instead of the page;
// each page's own queries still surface database errors through error.tsx.
async function readIndexStatus(): Promise<IndexStatusDto | null> {
  try {
    return await getIndexStatus();
  } catch (error) {
    console.error("layout: index status unavailable", error);
    return null;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [status, nonce] = await Promise.all([readIndexStatus(), headers().then((h) => h.get(NONCE_HEADER) ?? undefined)]);
  const problem = status ? freshnessProblem(status) : null;
  const notice = status ? stateNoticeText(status) : null;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="flex min-h-dvh flex-col">
        <Providers nonce={nonce}>
          <a
            href="#main"
            className="sr-only rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50"
          >
            Skip to content
          </a>
          <SiteHeader status={status} walletChain={walletChainOf(status)} />
          {problem ? <LagBanner message={problem} /> : null}
          {notice ? <StateNotice message={notice} /> : null}
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none sm:px-6 sm:py-10"
          >
            {children}
          </main>
          <SiteFooter status={status} />
        </Providers>
      </body>
    </html>
  );
}
