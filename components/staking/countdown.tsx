"use client";
// A live countdown to an exit's (estimated) unlock. The server passes the seconds left as of the newest indexed
// block (the chain's clock, not ours: a simulated or lagging chain would otherwise be off), and it ticks down from
// the moment the page rendered. The first paint is the server's text, so hydration never disagrees.
import { useEffect, useState } from "react";

export function Countdown({ secondsLeft }: { secondsLeft: number }) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const start = Date.now();
    const id = window.setInterval(() => setElapsed(Math.floor((Date.now() - start) / 1000)), 1000);
    return () => window.clearInterval(id);
  }, []);
  const left = secondsLeft - elapsed;
  return (
    <span className="tabular-nums" data-testid="countdown">
      {left > 0 ? `${clock(left)} left` : "due now (awaiting the next indexed block)"}
    </span>
  );
}

/** "2d 04:05:09": seconds always visible, so the countdown visibly runs. */
function clock(total: number): string {
  const d = Math.floor(total / 86_400);
  const pad = (n: number) => String(n).padStart(2, "0");
  const hms = `${pad(Math.floor((total % 86_400) / 3_600))}:${pad(Math.floor((total % 3_600) / 60))}:${pad(total % 60)}`;
  return d > 0 ? `${d}d ${hms}` : hms;
}
