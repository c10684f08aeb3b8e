// How curl splits a URL into the host it connects to and the target it asks for, with libcurl's
// wording for the ones it rejects (lib/url.c, lib/strerror.c), so a mistyped address fails as it
// would on a laptop.

export interface Url {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path and query, as in the request line. */
  target: string;
  hostHeader: string;
  effective: string;
}

type UrlResult = { ok: true; url: Url } | { ok: false; code: number; message: string };

export function parseUrl(raw: string): UrlResult {
  const reject = (why: string): UrlResult => ({
    ok: false,
    code: 3,
    message: `URL rejected: ${why}`,
  });
  if (raw === '') return reject('Malformed input to a URL function');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(.*)$/.exec(raw);
  const scheme = (m ? (m[1] as string) : 'http').toLowerCase();
  const rest = m ? (m[2] as string) : raw;
  if (scheme !== 'http' && scheme !== 'https') {
    return {
      ok: false,
      code: 1,
      message: `Protocol "${scheme}" not supported or disabled in libcurl`,
    };
  }
  const end = rest.search(/[/?#]/);
  const authority = (end < 0 ? rest : rest.slice(0, end)).replace(/^.*@/, '');
  let target = end < 0 ? '/' : rest.slice(end).replace(/#.*$/, '');
  if (!target.startsWith('/')) target = `/${target}`;
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(authority);
  const host = (hp?.[1] ?? '').toLowerCase();
  if (host === '') return reject('No host part in the URL');
  const portText = hp?.[2];
  const defaultPort = scheme === 'https' ? 443 : 80;
  if (
    portText !== undefined &&
    portText !== '' &&
    (!/^\d+$/.test(portText) || Number(portText) > 65535)
  ) {
    return reject('Port number was not a decimal number between 0 and 65535');
  }
  const port = portText ? Number(portText) : defaultPort;
  const hostHeader = port === defaultPort ? host : `${host}:${port}`;
  const effective = `${scheme}://${host}${portText ? `:${portText}` : ''}${target}`;
  return { ok: true, url: { scheme, host, port, target, hostHeader, effective } };
}

export const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
