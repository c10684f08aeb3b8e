// kubectl version and cluster-info: what the client and the simulated server say about themselves.
import { KUBERNETES_VERSION, SERVER_VERSION_INFO } from '../../../engine/k8s/bootstrap';
import type { KubectlCommand } from '../command';
import { toKubectlYaml } from '../../printers/yaml';

export const CLIENT_VERSION = 'v1.32.5';
export const KUSTOMIZE_VERSION = 'v5.5.0';
export const SERVER_URL = 'https://10.0.0.2:6443';

// The client is the same v1.32.5 release build as the server.
const clientInfo = { ...SERVER_VERSION_INFO, gitVersion: CLIENT_VERSION };
const serverInfo = SERVER_VERSION_INFO;

export const miscCommands: KubectlCommand[] = [
  {
    path: 'version',
    summary: 'print the client and server versions',
    flags: [
      { name: 'client', type: 'bool' },
      { name: 'output', short: 'o', type: 'string' },
    ],
    run(ctx) {
      const output = ctx.flags.str('output');
      const client = ctx.flags.bool('client');
      if (output && output !== 'yaml' && output !== 'json')
        return ctx.fail("--output must be 'yaml' or 'json'");
      if (output) {
        const data = client
          ? { clientVersion: clientInfo, kustomizeVersion: KUSTOMIZE_VERSION }
          : {
              clientVersion: clientInfo,
              kustomizeVersion: KUSTOMIZE_VERSION,
              serverVersion: serverInfo,
            };
        // version.go marshals JSON with a two-space indent, unlike the object printers.
        ctx.out(
          output === 'yaml' ? `${toKubectlYaml(data)}\n` : `${JSON.stringify(data, null, 2)}\n`,
        );
        return 0;
      }
      ctx.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      if (!client) ctx.out(`Server Version: ${KUBERNETES_VERSION}\n`);
      return 0;
    },
  },
  {
    path: 'cluster-info',
    summary: 'show where the control plane and cluster services run',
    flags: [],
    run(ctx) {
      if (ctx.args.length > 0) return ctx.helpError(`unknown command "${ctx.args.join(' ')}"`);
      // v1.32 prints these without colour (clusterinfo.go printService).
      ctx.out(`Kubernetes control plane is running at ${SERVER_URL}\n`);
      const dns = ctx.reader.get('Service', 'kube-system', 'kube-dns');
      if (dns?.metadata?.labels?.['kubernetes.io/cluster-service'] === 'true') {
        const name = dns.metadata.labels['kubernetes.io/name'] ?? 'kube-dns';
        ctx.out(
          `${name} is running at ${SERVER_URL}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n`,
        );
      }
      ctx.out(
        "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
      );
      return 0;
    },
  },
];
