// curl 8.5.0 (Ubuntu 24.04's build) against the simulated cluster. Wording: curl lib/connect.c
// (`Failed to connect to %s port %u after %ld ms: %s`), lib/multi.c (`Connection timed out after
// %ld milliseconds`), lib/strerror.c, lib/url.c, lib/http.c, lib/progress.c (the meter),
// lib/cf-socket.c and lib/url.c (-v lines), src/tool_operate.c (`curl: (%d) %s`, the CA hint),
// src/tool_getparam.c and src/tool_helpers.c (option errors), src/tool_help.c (--help).
// nginx's answer: src/http/ngx_http_header_filter_module.c (header order).
import { describe, expect, it } from 'vitest';
import { NGINX_INDEX_HTML } from '../../engine/registry/catalog';
import { reader } from '../../engine/world';
import type { Session } from '../program';
import { createSession, runHeadless } from '../shell/shell';
import { openingStory as story } from '../kubectl/commands/testing';
import { registry } from '.';

const run = (s: Session, line: string) => runHeadless(s, line, registry);

function service(s: Session) {
  const svc = reader(s.world).get('Service', 'default', 'my-app');
  return {
    clusterIP: svc?.spec?.clusterIP ?? '',
    externalIP: svc?.status?.loadBalancer?.ingress?.[0]?.ip ?? '',
    nodePort: svc?.spec?.ports?.[0]?.nodePort ?? 0,
  };
}

describe('curl against the opening story (--target-port=8080)', () => {
  it('is refused at the external IP: nginx does not listen on 8080', () => {
    const s = story(8080);
    const before = s.world.cluster.objects;
    const { externalIP, clusterIP } = service(s);
    expect(externalIP).toBe('203.0.113.19');
    expect(run(s, `curl ${externalIP}`)).toMatchObject({
      stdout: '',
      stderr:
        "curl: (7) Failed to connect to 203.0.113.19 port 80 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
    expect(run(s, `curl http://${clusterIP}/`).stderr).toBe(
      `curl: (7) Failed to connect to ${clusterIP} port 80 after 0 ms: Couldn't connect to server\n`,
    );
    expect(run(s, `curl -s ${externalIP}`)).toMatchObject({ stdout: '', stderr: '', exitCode: 7 });
    expect(run(s, `curl -sS ${externalIP}`).stderr).toContain('curl: (7)');
    expect(run(s, `curl -s -o /dev/null -w '%{http_code}\\n' ${externalIP}`)).toMatchObject({
      stdout: '000\n',
      exitCode: 7,
    });
    expect(s.world.cluster.objects).toEqual(before);
  });

  it('tells what it tried with -v', () => {
    const s = story(8080);
    const r = run(s, `curl -v ${service(s).externalIP}`);
    expect(r.stderr).toMatch(
      /^\* {3}Trying 203\.0\.113\.19:80\.\.\.\n\* connect to 203\.0\.113\.19 port 80 from 10\.0\.0\.100 port \d+ failed: Connection refused\n\* Failed to connect to 203\.0\.113\.19 port 80 after 0 ms: Couldn't connect to server\n\* Closing connection\ncurl: \(7\) Failed to connect to 203\.0\.113\.19 port 80 after 0 ms: Couldn't connect to server\n$/,
    );
  });

  it('waits while the load balancer has no address yet, then gets through a retransmitted SYN', () => {
    // The same seed and the same commands give the same address: learn it from a twin session.
    const lines = [
      'kubectl create deployment my-app --image=nginx:latest',
      'sleep 5',
      'kubectl expose deployment my-app --type=LoadBalancer --port=80 --target-port=8080',
    ];
    const twin = createSession({ seed: 1 });
    for (const line of [...lines, 'sleep 30']) run(twin, line);
    const ip = service(twin).externalIP;
    const s = createSession({ seed: 1 });
    for (const line of lines) run(s, line);
    expect(service(s).externalIP).toBe('');
    expect(run(s, `curl --connect-timeout 2 ${ip}`)).toMatchObject({
      stderr: 'curl: (28) Connection timed out after 2001 milliseconds\n',
      exitCode: 28,
    });
    const t0 = s.world.now;
    const r = run(s, `curl ${ip}`);
    expect(r.stderr).toBe(
      `curl: (7) Failed to connect to ${ip} port 80 after 7000 ms: Couldn't connect to server\n`,
    );
    expect(s.world.now - t0).toBe(7000);
  });
});

describe('curl when the Service targets port 80', () => {
  it('answers with the nginx welcome page and adds an access log line', () => {
    const s = story(80);
    const { externalIP } = service(s);
    const r = run(s, `curl ${externalIP}`);
    expect(r).toMatchObject({ stdout: NGINX_INDEX_HTML, stderr: '', exitCode: 0 });
    const logs = reader(s.world)
      .list('Pod', 'default')
      .map((p) => run(s, `kubectl logs ${p.metadata?.name ?? ''} --tail=1`).stdout);
    const served = logs.filter((l) => l.includes('"GET / HTTP/1.1"'));
    expect(served).toHaveLength(1);
    expect(served[0]).toMatch(
      /^10\.244\.[123]\.1 - - \[15\/Jan\/2026:09:00:40 \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.5\.0" "-"\n$/,
    );
  });

  it('shows the response headers with -i and -I', () => {
    const s = story(80);
    const { externalIP } = service(s);
    const headers =
      'HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nDate: Thu, 15 Jan 2026 09:00:40 GMT\r\nContent-Type: text/html\r\nContent-Length: 615\r\nLast-Modified: Tue, 26 Nov 2024 15:55:00 GMT\r\nConnection: keep-alive\r\nETag: "6745ef54-267"\r\nAccept-Ranges: bytes\r\n\r\n';
    expect(run(s, `curl -i ${externalIP}`).stdout).toBe(headers + NGINX_INDEX_HTML);
    expect(run(s, `curl -I ${externalIP}`).stdout).toBe(headers);
    expect(run(s, `curl -sI http://${externalIP}/nope`).stdout).toBe(
      'HTTP/1.1 404 Not Found\r\nServer: nginx/1.27.3\r\nDate: Thu, 15 Jan 2026 09:00:40 GMT\r\nContent-Type: text/html\r\nContent-Length: 153\r\nConnection: keep-alive\r\n\r\n',
    );
  });

  it('talks the way curl -v does', () => {
    const s = story(80);
    const { externalIP } = service(s);
    const r = run(s, `curl -v ${externalIP}`);
    expect(r.stdout).toBe(NGINX_INDEX_HTML);
    expect(r.stderr).toBe(
      [
        '*   Trying 203.0.113.19:80...\n',
        '* Connected to 203.0.113.19 (203.0.113.19) port 80\n',
        '> GET / HTTP/1.1\r\n> Host: 203.0.113.19\r\n> User-Agent: curl/8.5.0\r\n> Accept: */*\r\n> \r\n',
        '< HTTP/1.1 200 OK\r\n< Server: nginx/1.27.3\r\n< Date: Thu, 15 Jan 2026 09:00:40 GMT\r\n< Content-Type: text/html\r\n',
        '< Content-Length: 615\r\n< Last-Modified: Tue, 26 Nov 2024 15:55:00 GMT\r\n< Connection: keep-alive\r\n',
        '< ETag: "6745ef54-267"\r\n< Accept-Ranges: bytes\r\n< \r\n',
        '* Connection #0 to host 203.0.113.19 left intact\n',
      ].join(''),
    );
  });

  it('writes the progress meter when the body goes to a file, and --write-out after the transfer', () => {
    const s = story(80);
    const { externalIP, nodePort } = service(s);
    const meter = run(s, `curl -o /dev/null ${externalIP}`);
    expect(meter.stdout).toBe('');
    expect(meter.stderr).toMatch(
      /^ {2}% Total {4}% Received % Xferd {2}Average Speed {3}Time {4}Time {5}Time {2}Current\n {33}Dload {2}Upload {3}Total {3}Spent {4}Left {2}Speed\n\r {2}0 {5}0 {4}0 {5}0 {4}0 {5}0 {6}0 {6}0 --:--:-- --:--:-- --:--:-- {5}0\r100 {3}615 {2}100 {3}615 {4}0 {5}0 {2}[ \d]{3}\dk {6}0 --:--:-- --:--:-- --:--:-- [ \d]{3}\dk\n$/,
    );
    expect(
      run(
        s,
        `curl -s -o /dev/null -w '%{http_code} %{size_download} %{remote_ip}:%{remote_port}\\n' 10.0.0.11:${nodePort}`,
      ).stdout,
    ).toBe(`200 615 10.0.0.11:${nodePort}\n`);
    expect(run(s, `curl -o out.html ${externalIP} -s`)).toMatchObject({ stderr: '', exitCode: 23 });
    expect(run(s, `curl -f ${externalIP}/nope`)).toMatchObject({
      stdout: '',
      stderr: 'curl: (22) The requested URL returned error: 404\n',
      exitCode: 22,
    });
  });
});

describe('curl: methods and outputs', () => {
  it('gets nginx’s 405 for a POST, and waits for a body that never comes after -X HEAD', () => {
    const s = story(80);
    const { externalIP } = service(s);
    const post = run(s, `curl -s -d name=x ${externalIP}`);
    expect(post.stdout).toBe(
      '<html>\r\n<head><title>405 Not Allowed</title></head>\r\n<body>\r\n<center><h1>405 Not Allowed</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n',
    );
    const t0 = s.world.now;
    expect(run(s, `curl -X HEAD -m 5 ${externalIP}`)).toMatchObject({
      stderr:
        'curl: (28) Operation timed out after 5001 milliseconds with 0 out of 615 bytes received\n',
      exitCode: 28,
    });
    expect(s.world.now - t0).toBe(5001);
    expect(run(s, `curl -X HEAD ${externalIP}`).stderr).toBe(
      'curl: (18) transfer closed with 615 bytes remaining to read\n',
    );
  });

  it('cannot write files: the terminal’s file system is read-only', () => {
    const s = story(80);
    const { externalIP } = service(s);
    expect(run(s, `curl -O ${externalIP}`)).toMatchObject({
      stderr: 'curl: Remote file name has no length\n',
      exitCode: 23,
    });
    const r = run(s, `curl -sS -O ${externalIP}/index.html`);
    expect(r).toMatchObject({
      stderr: 'curl: (23) Failure writing output to destination\n',
      exitCode: 23,
    });
  });
});

describe('curl: names, addresses and timeouts', () => {
  it('cannot resolve the cluster’s DNS names from the terminal', () => {
    const s = story(80);
    for (const host of ['my-app', 'my-app.default.svc.cluster.local']) {
      expect(run(s, `curl http://${host}`)).toMatchObject({
        stderr: `curl: (6) Could not resolve host: ${host}\n`,
        exitCode: 6,
      });
    }
  });

  it('times out where nothing answers, on the simulated clock', () => {
    const s = createSession({ seed: 1 });
    const t0 = s.world.now;
    expect(run(s, 'curl -m 3 http://10.99.99.99')).toMatchObject({
      stderr: 'curl: (28) Connection timed out after 3001 milliseconds\n',
      exitCode: 28,
    });
    expect(s.world.now - t0).toBe(3001);
    const r = run(s, 'curl 198.51.100.7');
    expect(r.exitCode).toBe(28);
    expect(r.stderr).toMatch(
      /^curl: \(28\) Failed to connect to 198\.51\.100\.7 port 80 after 1(2[89]|3[0-4])\d{3} ms: Couldn't connect to server\n$/,
    );
    expect(run(s, 'curl localhost:8080').stderr).toBe(
      "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n",
    );
  });

  it('meets the API server, which wants TLS', () => {
    const s = createSession({ seed: 1 });
    expect(run(s, 'curl 10.96.0.1:443')).toMatchObject({
      stdout: 'Client sent an HTTP request to an HTTPS server.\n',
      exitCode: 0,
    });
    expect(run(s, 'curl https://10.96.0.1')).toMatchObject({
      stderr:
        'curl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n',
      exitCode: 60,
    });
    expect(run(s, 'curl -sk https://10.96.0.1/healthz')).toMatchObject({
      stdout: 'ok',
      exitCode: 0,
    });
  });
});

describe('curl: its command line', () => {
  it('reports usage errors as curl 8.5.0 does', () => {
    const s = createSession({ seed: 1 });
    const hint = "curl: try 'curl --help' or 'curl --manual' for more information\n";
    const cases: [string, string, number][] = [
      ['curl', hint, 2],
      ['curl -s', `curl: (2) no URL specified\n${hint}`, 2],
      ['curl --bogus x', `curl: option --bogus: is unknown\n${hint}`, 2],
      ['curl --max x', `curl: option --max: is ambiguous\n${hint}`, 2],
      ['curl -m abc x', `curl: option -m: expected a proper numerical parameter\n${hint}`, 2],
      ['curl x -o', `curl: option -o: requires parameter\n${hint}`, 2],
      [
        'curl --no-output x',
        `curl: option --no-output: used '--no-' for option that isn't a boolean\n${hint}`,
        2,
      ],
      ['curl http://', 'curl: (3) URL rejected: No host part in the URL\n', 3],
      [
        'curl http://10.0.0.1:99999',
        'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535\n',
        3,
      ],
      ['curl ftp://x', 'curl: (1) Protocol "ftp" not supported or disabled in libcurl\n', 1],
    ];
    for (const [line, stderr, exitCode] of cases) {
      expect(run(s, line), line).toMatchObject({ stdout: '', stderr, exitCode });
    }
  });

  it('prints its help and version', () => {
    const s = createSession({ seed: 1 });
    expect(run(s, 'curl --help').stdout).toBe(`Usage: curl [options...] <url>
 -d, --data <data>          HTTP POST data
 -f, --fail                 Fail fast with no output on HTTP errors
 -h, --help <category>      Get help for commands
 -i, --include              Include protocol response headers in the output
 -o, --output <file>        Write to file instead of stdout
 -O, --remote-name          Write output to a file named as the remote file
 -s, --silent               Silent mode
 -T, --upload-file <file>   Transfer local FILE to destination
 -u, --user <user:password> Server user and password
 -A, --user-agent <name>    Send User-Agent <name> to server
 -v, --verbose              Make the operation more talkative
 -V, --version              Show version number and quit

This is not the full help, this menu is stripped into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`);
    expect(run(s, 'curl -V').stdout.split('\n')[0]).toBe(
      'curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7',
    );
  });
});
