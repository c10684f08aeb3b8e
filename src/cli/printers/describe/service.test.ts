// Formats from staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): describeService,
// buildIngressString, formatEndpointSlices, describeEndpoints; the slice cases come from its
// describe_test.go (TestDescribeService). The full outputs were checked byte for byte against
// kubectl v1.32.5 describing the same objects served by a stub API server.
import { describe, expect, it } from 'vitest';
import type { Endpoints, Event, Service } from '../../../engine/k8s/types';
import { describeEndpoints, describeService, formatEndpointSlices } from './service';
import { ago, NOW } from './fixtures';
import { memoryReader } from './testing';

const loadBalancer: Service & { kind: 'Service' } = {
  kind: 'Service',
  metadata: { name: 'my-app', namespace: 'default', uid: 'svc-uid-1', labels: { app: 'my-app' } },
  spec: {
    type: 'LoadBalancer',
    selector: { app: 'my-app' },
    ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 31234 }],
    clusterIP: '10.96.120.15',
    clusterIPs: ['10.96.120.15'],
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    sessionAffinity: 'None',
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
  },
  status: { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } },
};

const loadBalancerEndpoints: Endpoints & { kind: 'Endpoints' } = {
  kind: 'Endpoints',
  metadata: { name: 'my-app', namespace: 'default', uid: 'ep-uid-1', labels: { app: 'my-app' } },
  subsets: [
    {
      addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.1.6' }, { ip: '10.244.1.7' }],
      notReadyAddresses: [{ ip: '10.244.1.8' }],
      ports: [{ port: 8080, protocol: 'TCP' }],
    },
  ],
};

function serviceEvent(
  id: string,
  reason: string,
  message: string,
  secondsAgo: number,
): Event & { kind: 'Event' } {
  return {
    kind: 'Event',
    metadata: { name: `my-app.${id}`, namespace: 'default' },
    involvedObject: {
      kind: 'Service',
      namespace: 'default',
      name: 'my-app',
      uid: 'svc-uid-1',
      apiVersion: 'v1',
    },
    type: 'Normal',
    reason,
    message,
    source: { component: 'service-controller' },
    firstTimestamp: ago(secondsAgo),
    lastTimestamp: ago(secondsAgo),
    count: 1,
  };
}

describe('describeService', () => {
  it('prints a LoadBalancer Service with its ingress IP, endpoints and events', () => {
    const reader = memoryReader([
      loadBalancer,
      loadBalancerEndpoints,
      serviceEvent('a', 'EnsuringLoadBalancer', 'Ensuring load balancer', 1400),
      serviceEvent('b', 'EnsuredLoadBalancer', 'Ensured load balancer', 1380),
    ]);
    expect(describeService(loadBalancer, { now: NOW, reader })).toMatchInlineSnapshot(`
      "Name:                     my-app
      Namespace:                default
      Labels:                   app=my-app
      Annotations:              <none>
      Selector:                 app=my-app
      Type:                     LoadBalancer
      IP Family Policy:         SingleStack
      IP Families:              IPv4
      IP:                       10.96.120.15
      IPs:                      10.96.120.15
      LoadBalancer Ingress:     172.18.255.200 (VIP)
      Port:                     <unset>  80/TCP
      TargetPort:               8080/TCP
      NodePort:                 <unset>  31234/TCP
      Endpoints:                10.244.1.5:8080,10.244.1.6:8080,10.244.1.7:8080 + 0 more...
      Session Affinity:         None
      External Traffic Policy:  Cluster
      Internal Traffic Policy:  Cluster
      Events:
        Type    Reason                Age   From                Message
        ----    ------                ----  ----                -------
        Normal  EnsuringLoadBalancer  23m   service-controller  Ensuring load balancer
        Normal  EnsuredLoadBalancer   23m   service-controller  Ensured load balancer
      "
    `);
  });

  it('prints an empty Endpoints value for a Service whose pods are not ready yet', () => {
    const web: Service = {
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web', tier: 'frontend' } },
      spec: {
        type: 'ClusterIP',
        selector: { app: 'web' },
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
          { name: 'metrics', port: 9090, targetPort: 9090, protocol: 'TCP' },
        ],
        clusterIP: '10.96.7.7',
        clusterIPs: ['10.96.7.7'],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
      },
    };
    const reader = memoryReader([
      { kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' } },
    ]);
    expect(describeService(web, { now: NOW, reader })).toMatchInlineSnapshot(`
      "Name:                     web
      Namespace:                default
      Labels:                   app=web
                                tier=frontend
      Annotations:              <none>
      Selector:                 app=web
      Type:                     ClusterIP
      IP Family Policy:         SingleStack
      IP Families:              IPv4
      IP:                       10.96.7.7
      IPs:                      10.96.7.7
      Port:                     http  80/TCP
      TargetPort:               http/TCP
      Endpoints:                
      Port:                     metrics  9090/TCP
      TargetPort:               9090/TCP
      Endpoints:                
      Session Affinity:         None
      Internal Traffic Policy:  Cluster
      Events:                   <none>
      "
    `);
  });

  it('prints `<none>` when there are no endpoints at all', () => {
    const out = describeService(
      { ...loadBalancer, status: {} },
      { now: NOW, reader: memoryReader([]) },
    );
    expect(out).toContain('\nEndpoints:                <none>\n');
    expect(out).not.toContain('LoadBalancer Ingress');
  });
});

describe('formatEndpointSlices', () => {
  const ready = (address: string) => ({ address, ready: true });

  it('lists ready endpoints of the named port (upstream test1)', () => {
    const slices = [
      {
        ports: [{ name: 'port-tcp', port: 9527 }],
        endpoints: ['10.244.0.1', '10.244.0.2', '10.244.0.3'].map(ready),
      },
    ];
    expect(formatEndpointSlices(slices, 'port-tcp')).toBe(
      '10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527',
    );
  });

  it('stops at three and counts the rest, skipping endpoints that are not ready (upstream test2)', () => {
    const slices = [
      {
        ports: [{ name: 'port-tcp', port: 9527 }],
        endpoints: ['10.244.0.1', '10.244.0.2'].map(ready),
      },
      {
        ports: [{ name: 'port-tcp', port: 9527 }],
        endpoints: [
          { address: '10.244.0.3', ready: false },
          ready('10.244.0.4'),
          ready('10.244.0.5'),
        ],
      },
    ];
    expect(formatEndpointSlices(slices, 'port-tcp')).toBe(
      '10.244.0.1:9527,10.244.0.2:9527,10.244.0.4:9527 + 1 more...',
    );
  });

  it('brackets IPv6 addresses and ignores other ports', () => {
    const slices = [
      {
        ports: [
          { name: 'http', port: 80 },
          { name: 'dns', port: 53 },
        ],
        endpoints: [ready('fd00::1')],
      },
    ];
    expect(formatEndpointSlices(slices, 'dns')).toBe('[fd00::1]:53');
    expect(formatEndpointSlices([], 'dns')).toBe('<none>');
  });
});

describe('describeEndpoints', () => {
  it('prints each subset with its ports table and a blank line after it', () => {
    const ep: Endpoints = {
      metadata: { name: 'many', namespace: 'default' },
      subsets: [
        {
          addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }],
          notReadyAddresses: [{ ip: '10.0.0.6' }],
          ports: [
            { name: 'http', port: 8080, protocol: 'TCP' },
            { name: 'dns', port: 53, protocol: 'UDP' },
          ],
        },
        { notReadyAddresses: [{ ip: '10.0.1.1' }], ports: [{ port: 8081, protocol: 'TCP' }] },
      ],
    };
    expect(describeEndpoints(ep, { now: NOW, reader: memoryReader([]) })).toMatchInlineSnapshot(`
      "Name:         many
      Namespace:    default
      Labels:       <none>
      Annotations:  <none>
      Subsets:
        Addresses:          10.0.0.1,10.0.0.2
        NotReadyAddresses:  10.0.0.6
        Ports:
          Name  Port  Protocol
          ----  ----  --------
          http  8080  TCP
          dns   53    UDP

        Addresses:          <none>
        NotReadyAddresses:  10.0.1.1
        Ports:
          Name     Port  Protocol
          ----     ----  --------
          <unset>  8081  TCP

      Events:  <none>
      "
    `);
  });

  it('prints an Endpoints object without subsets', () => {
    const ep: Endpoints = { metadata: { name: 'empty', namespace: 'default', labels: { a: 'b' } } };
    expect(describeEndpoints(ep, { now: NOW, reader: memoryReader([]) })).toBe(
      [
        'Name:         empty',
        'Namespace:    default',
        'Labels:       a=b',
        'Annotations:  <none>',
        'Subsets:',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('the Selector line', () => {
  // labels.FormatLabels sorts whole `key=value` strings (labels.Set.String), so `.` (0x2E) comes
  // before `=` (0x3D): a key that extends another sorts first.
  it('sorts key=value pairs as whole strings', () => {
    const svc: Service = {
      ...loadBalancer,
      spec: { ...loadBalancer.spec, selector: { app: 'web', 'app.kubernetes.io/name': 'web' } },
    };
    const out = describeService(svc, { now: NOW, reader: memoryReader([]) });
    expect(out).toContain('Selector:                 app.kubernetes.io/name=web,app=web\n');
  });
});
