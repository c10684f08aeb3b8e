// The servers' own clock formats (nginx, httpd, redis, postgres, HTTP headers): the start-up
// logs and the HTTP responses both print them, always in UTC as the containers run.

export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const p2 = (n: number) => String(n).padStart(2, '0');

export function parts(ms: number) {
  const d = new Date(ms);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth(),
    d: d.getUTCDate(),
    wd: d.getUTCDay(),
    hms: `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    ms: d.getUTCMilliseconds(),
  };
}

/** nginx error log time: 2024/06/01 09:00:05 (the container's TZ is UTC). */
export function nginxLogTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}/${p2(t.mo + 1)}/${p2(t.d)} ${t.hms}`;
}

/** $time_local of the access log: 01/Jun/2024:09:01:02 +0000 (also httpd's %t). */
export function accessLogTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)}/${MONTHS[t.mo]}/${t.y}:${t.hms} +0000`;
}

/** HTTP Date header: Sat, 01 Jun 2024 09:01:02 GMT. */
export function httpDate(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]}, ${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${t.hms} GMT`;
}
