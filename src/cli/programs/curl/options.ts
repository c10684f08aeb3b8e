// curl's command line, read into the options one transfer needs. Parsing it apart from running
// it lets --help, --version and option errors answer before any URL is touched, as curl does.

const USER_AGENT = 'curl/8.5.0';

// Every option curl 8.5.0 knows (src/tool_getparam.c `aliases`), so that unknown and ambiguous
// ones fail as they do there. Options this simulation has no use for are accepted and ignored.
const BOOL_OPTIONS =
  `disable-epsv disallow-username-in-url epsv npn alpn compressed tr-encoding digest negotiate ntlm
ntlm-wb basic anyauth ftp-create-dirs create-dirs proxy-ntlm crlf haproxy-protocol disable-eprt eprt xattr ftp-ssl ssl
ftp-pasv tcp-nodelay proxy-digest proxy-basic retry-connrefused proxy-negotiate form-escape proxy-anyauth trace-time
ignore-content-length ftp-skip-pasv-ip ftp-ssl-reqd ssl-reqd sessionid ftp-ssl-control ftp-ssl-ccc raw post301
keepalive post302 socks5-gssapi-nec ftp-pret post303 metalink test-event path-as-is tftp-no-options
suppress-connect-headers compressed-ssh retry-all-errors trace-ids http1.0 http1.1 http2 http2-prior-knowledge http3
http3-only http0.9 proxy-http2 tlsv1 tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3 sslv2 sslv3 ipv4 ipv6 append use-ascii ca-native
proxy-ca-native ssl-allow-beast ssl-auto-client-cert proxy-ssl-auto-client-cert cert-status doh-cert-status
false-start ssl-no-revoke ssl-revoke-best-effort tcp-fastopen proxy-ssl-allow-beast proxy-insecure proxy-tlsv1
socks5-basic socks5-gssapi fail fail-early styled-output mail-rcpt-allowfails fail-with-body remove-on-error globoff
get help include head junk-session-cookies remote-header-name insecure doh-insecure list-only location
location-trusted manual netrc netrc-optional buffer remote-name remote-name-all clobber proxytunnel disable
remote-time silent show-error verbose version parallel parallel-immediate progress-bar progress-meter next`.split(
    /\s+/,
  );
const ARG_OPTIONS =
  `url dns-ipv4-addr dns-ipv6-addr random-file egd-file oauth2-bearer connect-timeout ciphers
dns-interface dns-servers trace trace-ascii limit-rate rate create-file-mode max-redirs ipfs-gateway stderr aws-sigv4
interface krb krb4 haproxy-clientip max-filesize socks5 retry retry-delay retry-max-time ftp-account ftp-method
local-port socks4 socks4a ftp-alternative-to-user ftp-ssl-ccc-mode libcurl socks5-hostname keepalive-time noproxy
proxy1.0 tftp-blksize mail-from mail-rcpt proto proto-redir resolve delegation mail-auth sasl-authzid unix-socket
socks5-gssapi-service proxy-service-name service-name proto-default expect100-timeout connect-to abstract-unix-socket
tls-max happy-eyeballs-timeout-ms trace-config tls13-ciphers proxy-tls13-ciphers user-agent cookie alt-svc hsts
cookie-jar continue-at data data-raw data-ascii data-binary data-urlencode json url-query dump-header referer cert
cacert cert-type key key-type pass engine capath pubkey hostpubmd5 hostpubsha256 crlfile tlsuser tlspassword
tlsauthtype pinnedpubkey proxy-pinnedpubkey proxy-tlsuser proxy-tlspassword proxy-tlsauthtype proxy-cert
proxy-cert-type proxy-key proxy-key-type proxy-pass proxy-ciphers proxy-crlfile login-options proxy-cacert
proxy-capath etag-save etag-compare curves form form-string request-target header proxy-header config max-time
netrc-file output output-dir ftp-port quote range telnet-option upload-file user proxy-user write-out proxy preproxy
request speed-limit speed-time time-cond parallel-max variable`.split(/\s+/);
const TAKES_ARG = new Set(ARG_OPTIONS);
const LONG_NAMES = [...BOOL_OPTIONS, ...ARG_OPTIONS];
const SHORT: Record<string, string> = Object.fromEntries(
  `#progress-bar 0http1.0 1tlsv1 2sslv2 3sslv3 4ipv4 6ipv6 :next Auser-agent Buse-ascii Ccontinue-at Ddump-header Ecert
Fform Gget Hheader Ihead Jremote-header-name Kconfig Llocation Mmanual Nbuffer Oremote-name Pftp-port Qquote
Rremote-time Sshow-error Tupload-file Uproxy-user Vversion Xrequest Yspeed-limit Zparallel aappend bcookie ccookie-jar
ddata ereferer ffail ggloboff hhelp iinclude jjunk-session-cookies kinsecure llist-only mmax-time nnetrc ooutput
pproxytunnel qdisable rrange ssilent ttelnet-option uuser vverbose wwrite-out xproxy yspeed-time ztime-cond`
    .split(/\s+/)
    .map((e) => [e[0] as string, e.slice(1)]),
);

export interface Options {
  urls: string[];
  outputs: string[];
  /** How many -O were given: the first URLs are saved under their own file names. */
  remoteNames: number;
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  failWithBody: boolean;
  insecure: boolean;
  writeOut?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  method?: string;
  headers: string[];
  userAgent: string;
  referer?: string;
  data?: string;
}

type FlagKey =
  'silent' | 'showError' | 'include' | 'head' | 'verbose' | 'fail' | 'failWithBody' | 'insecure';
const FLAG_KEYS: Record<string, FlagKey> = {
  silent: 'silent',
  'show-error': 'showError',
  include: 'include',
  head: 'head',
  verbose: 'verbose',
  fail: 'fail',
  'fail-with-body': 'failWithBody',
  insecure: 'insecure',
};

type Parsed =
  | { kind: 'run'; options: Options }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string };

function seconds(value: string): number | string {
  if (/^-/.test(value)) return 'expected a positive numerical parameter';
  if (!/^(\d+\.?\d*|\.\d+)$/.test(value)) return 'expected a proper numerical parameter';
  return Math.round(Number(value) * 1000);
}

export function parseArgs(args: readonly string[]): Parsed {
  const o: Options = {
    urls: [],
    outputs: [],
    remoteNames: 0,
    silent: false,
    showError: false,
    include: false,
    head: false,
    verbose: false,
    fail: false,
    failWithBody: false,
    insecure: false,
    headers: [],
    userAgent: USER_AGENT,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('-') || a === '-') {
      o.urls.push(a);
      continue;
    }
    const fail = (reason: string): Parsed => ({ kind: 'error', message: `option ${a}: ${reason}` });
    const options: { name: string; toggle: boolean; value?: string }[] = [];
    if (a.startsWith('--')) {
      let word = a.slice(2);
      const toggle = !word.startsWith('no-');
      if (!toggle) word = word.slice(3);
      const exact = LONG_NAMES.includes(word) ? word : undefined;
      const hits = exact ? [exact] : LONG_NAMES.filter((n) => n.startsWith(word));
      if (hits.length > 1) return fail('is ambiguous');
      const name = hits[0];
      if (name === undefined) return fail('is unknown');
      if (!toggle && TAKES_ARG.has(name))
        return fail("used '--no-' for option that isn't a boolean");
      if (TAKES_ARG.has(name)) {
        if (i + 1 >= args.length) return fail('requires parameter');
        options.push({ name, toggle, value: args[++i] as string });
      } else options.push({ name, toggle });
    } else {
      for (let j = 1; j < a.length; j++) {
        const name = SHORT[a[j] as string];
        if (!name) return fail('is unknown');
        if (!TAKES_ARG.has(name)) {
          options.push({ name, toggle: true });
          continue;
        }
        let value = a.slice(j + 1);
        if (value === '') {
          if (i + 1 >= args.length) return fail('requires parameter');
          value = args[++i] as string;
        }
        options.push({ name, toggle: true, value });
        break;
      }
    }
    for (const { name, toggle, value = '' } of options) {
      if (name === 'help' || name === 'version') {
        if (toggle) return { kind: name };
      } else if (name in FLAG_KEYS) o[FLAG_KEYS[name] as FlagKey] = toggle;
      else if (name === 'max-time' || name === 'connect-timeout') {
        const ms = seconds(value);
        if (typeof ms === 'string') return fail(ms);
        o[name === 'max-time' ? 'maxTimeMs' : 'connectTimeoutMs'] = ms;
      } else if (name === 'url') o.urls.push(value);
      else if (name === 'output') o.outputs.push(value);
      else if (name === 'remote-name' && toggle) o.remoteNames++;
      else if (name === 'header') o.headers.push(value);
      else if (name === 'write-out') o.writeOut = value;
      else if (name === 'request') o.method = value;
      else if (name === 'user-agent') o.userAgent = value;
      else if (name === 'referer') o.referer = value;
      else if (name.startsWith('data'))
        o.data = o.data === undefined ? value : `${o.data}&${value}`;
    }
  }
  return { kind: 'run', options: o };
}
