// Vitest runs server modules directly; the real "server-only" package only guards client bundles.
export {};
