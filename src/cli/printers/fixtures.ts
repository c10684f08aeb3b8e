// Pods shared by the custom-columns and jsonpath printer tests: one running with two containers,
// one pending that keeps restarting, one failed without labels.
export const SAMPLE_PODS = [
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-1',
      namespace: 'default',
      labels: { app: 'web', 'app.kubernetes.io/name': 'web' },
    },
    spec: {
      replicas: 3,
      containers: [
        { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] },
        { name: 'sidecar', image: 'busybox:1.36' },
      ],
    },
    status: { phase: 'Running', podIP: '10.244.0.5', ready: true, restarts: 0 },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'db-0', namespace: 'default', labels: { app: 'db' } },
    spec: { containers: [{ name: 'postgres', image: 'postgres:16' }] },
    status: { phase: 'Pending', ready: false, restarts: 12 },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'job-x', namespace: 'default' },
    spec: { containers: [{ name: 'task', image: 'registry.example.com/team/task:v1' }] },
    status: { phase: 'Failed', podIP: '10.244.0.9', ready: false, restarts: 3 },
  },
];
