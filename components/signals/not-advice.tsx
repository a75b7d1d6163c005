export function NotAdvice() {
  return (
    <p className="text-xs text-muted-foreground" data-testid="not-advice">
      Not financial advice. These signals are mechanical rules applied to the network&apos;s forecasts, shown with their
      live record and backtests so you can judge them; past results, live or simulated, do not predict future ones.
    </p>
  );
}
