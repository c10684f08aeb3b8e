// Simulated times as the page shows them (UTC: the simulated cluster's clock).
export function formatClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}
