// The sections of the app and what each shows on an empty database (the state every e2e run starts from).
export type Section = {
  slug: string;
  path: string;
  navLabel: string;
  heading: string;
  /** Texts that must be visible when nothing is indexed. */
  emptyTexts: string[];
};

export const SECTIONS: Section[] = [
  {
    slug: "overview",
    path: "/",
    navLabel: "Overview",
    heading: "Overview",
    emptyTexts: ["Nothing indexed yet — start the collector or run the demo"],
  },
  {
    slug: "topics",
    path: "/topics",
    navLabel: "Topics",
    heading: "Topics",
    emptyTexts: ["No topics indexed yet — start the collector or run the demo"],
  },
  { slug: "signals", path: "/signals", navLabel: "Signals", heading: "Signals", emptyTexts: ["No signals published yet"] },
  {
    slug: "staking",
    path: "/staking",
    navLabel: "Staking",
    heading: "Staking",
    emptyTexts: ["No reputer stakes indexed yet", "No validators indexed yet"],
  },
  { slug: "data", path: "/data", navLabel: "Data", heading: "Data", emptyTexts: ["Exports arrive with indexed data."] },
];

export const THEMES = ["light", "dark"] as const;

export const VIEWPORTS = [
  { label: "375", size: { width: 375, height: 812 } },
  { label: "1280", size: { width: 1280, height: 800 } },
] as const;
