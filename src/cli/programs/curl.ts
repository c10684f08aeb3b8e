// `curl` as the learner's laptop has it: curl 8.5.0, Ubuntu 24.04's build. Requests go through
// the simulated network (src/engine/k8s/network.ts says what the terminal can reach); a web
// server that answers writes its access log line into the world, where `kubectl logs` finds it.
// Wording from curl 8.5.0: src/tool_operate.c, src/tool_getparam.c, src/tool_help.c,
// src/tool_writeout.c, lib/connect.c, lib/multi.c, lib/progress.c, lib/url.c, lib/strerror.c.
//
// The option parser, URL parsing, the transfer and curl's other output live in ./curl/.
import type { Program, ProgramContext, Run } from '../program';
import { parseArgs } from './curl/options';
import { transfer } from './curl/transfer';
import { parseUrl } from './curl/url';

const VERSION = `curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7
Release-Date: 2023-12-06, security patched: 8.5.0-2ubuntu10.2
Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`;

const HELP = `Usage: curl [options...] <url>
${[
  ['-d, --data <data>', 'HTTP POST data'],
  ['-f, --fail', 'Fail fast with no output on HTTP errors'],
  ['-h, --help <category>', 'Get help for commands'],
  ['-i, --include', 'Include protocol response headers in the output'],
  ['-o, --output <file>', 'Write to file instead of stdout'],
  ['-O, --remote-name', 'Write output to a file named as the remote file'],
  ['-s, --silent', 'Silent mode'],
  ['-T, --upload-file <file>', 'Transfer local FILE to destination'],
  ['-u, --user <user:password>', 'Server user and password'],
  ['-A, --user-agent <name>', 'Send User-Agent <name> to server'],
  ['-v, --verbose', 'Make the operation more talkative'],
  ['-V, --version', 'Show version number and quit'],
]
  .map(([o, d]) => ` ${(o as string).padEnd(26)} ${d}\n`)
  .join('')}
This is not the full help, this menu is stripped into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`;

export const curl: Program = {
  name: 'curl',
  summary: 'make an HTTP request to a Service, load balancer or pod address',
  run(ctx: ProgramContext): number | Run {
    const args = ctx.argv.slice(1);
    if (args.length === 0) {
      ctx.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
      return 2;
    }
    const parsed = parseArgs(args);
    if (parsed.kind === 'help') {
      ctx.out(HELP);
      return 0;
    }
    if (parsed.kind === 'version') {
      ctx.out(VERSION);
      return 0;
    }
    if (parsed.kind === 'error') {
      ctx.err(
        `curl: ${parsed.message}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
      );
      return 2;
    }
    const o = parsed.options;
    if (o.urls.length === 0) {
      ctx.err(
        "curl: (2) no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
      );
      return 2;
    }
    return (function* () {
      let code = 0;
      for (const [i, u] of o.urls.entries()) {
        let output = o.outputs[i];
        if (output === undefined && i < o.remoteNames) {
          const parsed = parseUrl(u);
          output = parsed.ok ? parsed.url.target.replace(/[?#].*$/, '').replace(/^.*\//, '') : u;
          if (output === '') {
            if (!o.silent || o.showError) ctx.err('curl: Remote file name has no length\n');
            code = 23;
            continue;
          }
        }
        code = yield* transfer(ctx, o, u, output);
      }
      return code;
    })();
  },
};
