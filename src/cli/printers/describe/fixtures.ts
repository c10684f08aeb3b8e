// The clock shared by the describe printer tests: a fixed "now" and API timestamps before it.
export const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

/** The RFC 3339 timestamp (whole seconds, as the API serves it) `seconds` before NOW. */
export const ago = (seconds: number): string =>
  new Date(NOW - seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
