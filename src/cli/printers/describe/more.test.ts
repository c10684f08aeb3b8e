// `kubectl describe` of the install manifest's kinds. Format source:
// staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): describeStatefulSet,
// ConfigMapDescriber, describeSecret, describeServiceAccount, RoleDescriber (with
// staging/src/k8s.io/kubectl/pkg/util/rbac/rbac.go), RoleBindingDescriber, describeNetworkPolicy,
// genericDescriber (for custom resources).
import { describe, expect, it } from 'vitest';
import { seedObject, settleFor, transcript, withDeployments } from '../../kubectl/commands/testing';

describe('describing the install manifest’s kinds', () => {
  const s = withDeployments([], 0);
  seedObject(s, 'StatefulSet', {
    metadata: { name: 'db', labels: { app: 'db' } },
    spec: {
      replicas: 2,
      serviceName: 'db',
      selector: { matchLabels: { app: 'db' } },
      template: {
        metadata: { labels: { app: 'db' } },
        spec: {
          containers: [{ name: 'redis', image: 'redis:7', ports: [{ containerPort: 6379 }] }],
        },
      },
    },
  });
  seedObject(s, 'ConfigMap', {
    metadata: { name: 'argocd-cm' },
    data: { url: 'https://argocd.example.com', 'b.yaml': 'x: 1\n' },
  });
  seedObject(s, 'Secret', {
    metadata: { name: 'argocd-secret' },
    data: { 'server.secretkey': 'c2VjcmV0', admin: 'YQ==' },
  });
  seedObject(s, 'RoleBinding', {
    metadata: { name: 'argocd-server' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'argocd-server' },
    subjects: [
      { kind: 'ServiceAccount', name: 'argocd-server', namespace: 'argocd' },
      { kind: 'User', name: 'jane' },
    ],
  });
  settleFor(s, 60_000);
  // Seeded after the pods settled: its uid draws on the random sequence their timing uses.
  seedObject(s, 'Role', {
    metadata: { name: 'pod-reader' },
    rules: [
      { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['watch', 'get'] },
    ],
  });

  it('describes a StatefulSet with its pods and events', () => {
    expect(transcript(s, 'kubectl describe sts db')).toBe(`Name:               db
Namespace:          default
CreationTimestamp:  Thu, 15 Jan 2026 09:00:00 +0000
Selector:           app=db
Labels:             app=db
Annotations:        <none>
Replicas:           2 desired | 2 total
Update Strategy:    RollingUpdate
  Partition:        0
Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=db
  Containers:
   redis:
    Image:         redis:7
    Port:          6379/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:     <none>
Events:
  Type    Reason            Age   From                    Message
  ----    ------            ----  ----                    -------
  Normal  SuccessfulCreate  60s   statefulset-controller  create Pod db-0 in StatefulSet db successful
  Normal  SuccessfulCreate  57s   statefulset-controller  create Pod db-1 in StatefulSet db successful
--stderr--
--exit 0`);
  });

  it('describes ConfigMaps and Secrets', () => {
    expect(transcript(s, 'kubectl describe cm argocd-cm')).toBe(`Name:         argocd-cm
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====
b.yaml:
----
x: 1


url:
----
https://argocd.example.com


BinaryData
====

Events:  <none>
--stderr--
--exit 0`);
    expect(transcript(s, 'kubectl describe secret argocd-secret')).toBe(`Name:         argocd-secret
Namespace:    default
Labels:       <none>
Annotations:  <none>

Type:  Opaque

Data
====
admin:             1 bytes
server.secretkey:  6 bytes
--stderr--
--exit 0`);
  });

  it('describes the default ServiceAccount and a RoleBinding', () => {
    expect(transcript(s, 'kubectl describe sa default')).toBe(`Name:                default
Namespace:           default
Labels:              <none>
Annotations:         <none>
Image pull secrets:  <none>
Mountable secrets:   <none>
Tokens:              <none>
Events:              <none>
--stderr--
--exit 0`);
    expect(transcript(s, 'kubectl describe rolebinding argocd-server'))
      .toBe(`Name:         argocd-server
Labels:       <none>
Annotations:  <none>
Role:
  Kind:  Role
  Name:  argocd-server
Subjects:
  Kind            Name           Namespace
  ----            ----           ---------
  ServiceAccount  argocd-server  argocd
  User            jane           
--stderr--
--exit 0`);
  });

  it('describes a Role with its rules broken down, merged and sorted', () => {
    expect(transcript(s, 'kubectl describe role pod-reader')).toBe(`Name:         pod-reader
Labels:       <none>
Annotations:  <none>
PolicyRule:
  Resources         Non-Resource URLs  Resource Names  Verbs
  ---------         -----------------  --------------  -----
  pods/log          []                 []              [get list]
  pods              []                 []              [get list]
  deployments.apps  []                 []              [get watch]
--stderr--
--exit 0`);
  });

  it('describes a NetworkPolicy', () => {
    seedObject(s, 'NetworkPolicy', {
      metadata: { name: 'argocd-redis-network-policy' },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'argocd-redis' } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'argocd-server' } } },
              { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'argocd-repo-server' } } },
            ],
            ports: [{ protocol: 'TCP', port: 6379 }],
          },
        ],
      },
    });
    expect(transcript(s, 'kubectl describe netpol argocd-redis-network-policy'))
      .toBe(`Name:         argocd-redis-network-policy
Namespace:    default
Created on:   2026-01-15 09:01:00 +0000 UTC
Labels:       <none>
Annotations:  <none>
Spec:
  PodSelector:     app.kubernetes.io/name=argocd-redis
  Allowing ingress traffic:
    To Port: 6379/TCP
    From:
      PodSelector: app.kubernetes.io/name=argocd-server
    From:
      PodSelector: app.kubernetes.io/name=argocd-repo-server
  Not affecting egress traffic
  Policy Types: Ingress
--stderr--
--exit 0`);
  });
});
