// kubectl describe as a command: which objects it selects and how it joins their descriptions.
// Selection and joining: staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go (Run,
// DescribeMatchingResources) and staging/src/k8s.io/cli-runtime/pkg/resource/builder.go
// (release-1.32). The transcripts below were compared with kubectl v1.32.5 describing the same
// objects served by a stub API server (apart from Service `Endpoints:`, which 1.32 reads from
// EndpointSlices).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../program';
import { clientSide, oracleFor } from './create-testing';
import { expectReplayed, openingStory as story, podNames, run } from './testing';

describe('kubectl describe: what kubectl checks before asking the server', () => {
  for (const c of oracleFor('describe')
    .map(clientSide)
    .filter((x) => x !== undefined)) {
    it(`kubectl ${c.args.join(' ')}`, () => {
      expectReplayed(c);
    });
  }
});

describe('kubectl describe: the opening story', () => {
  let s: Session;
  beforeAll(() => {
    s = story();
  });

  it('describes the deployment', () => {
    const r = run(s, 'kubectl describe deployment my-app');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "Name:                   my-app
      Namespace:              default
      CreationTimestamp:      Thu, 15 Jan 2026 09:00:00 +0000
      Labels:                 app=my-app
      Annotations:            deployment.kubernetes.io/revision: 1
      Selector:               app=my-app
      Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
      StrategyType:           RollingUpdate
      MinReadySeconds:        0
      RollingUpdateStrategy:  25% max unavailable, 25% max surge
      Pod Template:
        Labels:  app=my-app
        Containers:
         nginx:
          Image:         nginx:latest
          Port:          <none>
          Host Port:     <none>
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Conditions:
        Type           Status  Reason
        ----           ------  ------
        Progressing    True    NewReplicaSetAvailable
        Available      True    MinimumReplicasAvailable
      OldReplicaSets:  <none>
      NewReplicaSet:   my-app-6c88c95455 (3/3 replicas created)
      Events:
        Type    Reason             Age   From                   Message
        ----    ------             ----  ----                   -------
        Normal  ScalingReplicaSet  40s   deployment-controller  Scaled up replica set my-app-6c88c95455 from 0 to 1
        Normal  ScalingReplicaSet  30s   deployment-controller  Scaled up replica set my-app-6c88c95455 from 1 to 3
      "
    `);
  });

  it('describes the service, whose endpoints use the target port nginx does not listen on', () => {
    const r = run(s, 'kubectl describe svc my-app');
    expect(r.stdout).toMatchInlineSnapshot(`
      "Name:                     my-app
      Namespace:                default
      Labels:                   app=my-app
      Annotations:              <none>
      Selector:                 app=my-app
      Type:                     LoadBalancer
      IP Family Policy:         SingleStack
      IP Families:              IPv4
      IP:                       10.104.126.7
      IPs:                      10.104.126.7
      LoadBalancer Ingress:     203.0.113.19 (VIP)
      Port:                     <unset>  80/TCP
      TargetPort:               8080/TCP
      NodePort:                 <unset>  30446/TCP
      Endpoints:                10.244.1.2:8080,10.244.2.3:8080,10.244.3.3:8080
      Session Affinity:         None
      External Traffic Policy:  Cluster
      Internal Traffic Policy:  Cluster
      Events:
        Type    Reason                Age   From                Message
        ----    ------                ----  ----                -------
        Normal  EnsuringLoadBalancer  35s   service-controller  Ensuring load balancer
        Normal  EnsuredLoadBalancer   30s   service-controller  Ensured load balancer
      "
    `);
  });

  it('describes one pod', () => {
    const first = podNames(s)[0] as string;
    const r = run(s, `kubectl describe pod ${first}`);
    expect(r.stdout).toMatchInlineSnapshot(`
      "Name:             my-app-6c88c95455-2xwh8
      Namespace:        default
      Priority:         0
      Service Account:  default
      Node:             node-1/10.0.0.11
      Start Time:       Thu, 15 Jan 2026 09:00:00 +0000
      Labels:           app=my-app
                        pod-template-hash=6c88c95455
      Annotations:      <none>
      Status:           Running
      IP:               10.244.1.2
      IPs:
        IP:           10.244.1.2
      Controlled By:  ReplicaSet/my-app-6c88c95455
      Containers:
        nginx:
          Container ID:   containerd://4857e97e69fd069601c2d67730af5ccb0721f61cc9db415c3d3dccd04b3d4a0e
          Image:          nginx:latest
          Image ID:       docker.io/library/nginx@sha256:61871d274251cd3b315a6b8532e8548cee42e98aabaec2f8e2ef27bcc307ecce
          Port:           <none>
          Host Port:      <none>
          State:          Running
            Started:      Thu, 15 Jan 2026 09:00:04 +0000
          Ready:          True
          Restart Count:  0
          Environment:    <none>
          Mounts:
            /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-w592w (ro)
      Conditions:
        Type                        Status
        PodReadyToStartContainers   True 
        Initialized                 True 
        Ready                       True 
        ContainersReady             True 
        PodScheduled                True 
      Volumes:
        kube-api-access-w592w:
          Type:                    Projected (a volume that contains injected data from multiple sources)
          TokenExpirationSeconds:  3607
          ConfigMapName:           kube-root-ca.crt
          ConfigMapOptional:       <nil>
          DownwardAPI:             true
      QoS Class:                   BestEffort
      Node-Selectors:              <none>
      Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                   node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
      Events:
        Type    Reason     Age   From               Message
        ----    ------     ----  ----               -------
        Normal  Scheduled  40s   default-scheduler  Successfully assigned default/my-app-6c88c95455-2xwh8 to node-1
        Normal  Pulling    40s   kubelet            Pulling image "nginx:latest"
        Normal  Pulled     36s   kubelet            Successfully pulled image "nginx:latest" in 3.4s (3.4s including waiting). Image size: 72302616 bytes.
        Normal  Created    36s   kubelet            Created container: nginx
        Normal  Started    36s   kubelet            Started container nginx
      "
    `);
  });

  it('describes every pod whose name starts with a prefix, each followed by a blank line', () => {
    const each = podNames(s).map((n) => run(s, `kubectl describe pod ${n}`).stdout);
    expect(each).toHaveLength(3);
    const r = run(s, 'kubectl describe pods my-app');
    expect(r).toMatchObject({ stderr: '', exitCode: 0 });
    expect(r.stdout).toBe(each.map((d) => `${d}\n`).join(''));
  });

  it('joins a list with two newlines between descriptions', () => {
    const each = podNames(s).map((n) => run(s, `kubectl describe pod ${n}`).stdout);
    expect(run(s, 'kubectl describe pods').stdout).toBe(each.join('\n\n'));
    expect(run(s, 'kubectl describe pods -l app=my-app').stdout).toBe(each.join('\n\n'));
    expect(run(s, 'kubectl describe pods -A -l app=my-app').stdout).toBe(each.join('\n\n'));
    const [a, b] = podNames(s) as [string, string];
    expect(run(s, `kubectl describe pod ${a} ${b}`).stdout).toBe(`${each[0]}\n\n${each[1]}`);
    expect(run(s, `kubectl describe pod/${a} pod/${b}`).stdout).toBe(`${each[0]}\n\n${each[1]}`);
  });

  it('describes a deployment and a service of the same name', () => {
    const deploy = run(s, 'kubectl describe deployment my-app').stdout;
    const svc = run(s, 'kubectl describe service my-app').stdout;
    expect(run(s, 'kubectl describe deploy/my-app svc/my-app').stdout).toBe(`${deploy}\n\n${svc}`);
  });

  it('leaves the Events section out with --show-events=false', () => {
    const r = run(s, 'kubectl describe deployment my-app --show-events=false');
    expect(r.stdout).toBe(
      run(s, 'kubectl describe deployment my-app').stdout.replace(/Events:\n[\s\S]*$/, ''),
    );
    expect(r.stdout.endsWith('NewReplicaSet:   my-app-6c88c95455 (3/3 replicas created)\n')).toBe(
      true,
    );
  });
});

describe('kubectl describe: errors and empty results', () => {
  it('says NotFound with the qualified resource', () => {
    const s = story();
    const before = s.world;
    expect(run(s, 'kubectl describe deployment nope')).toMatchObject({
      stdout: '',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl describe svc/nope')).toMatchObject({
      stderr: 'Error from server (NotFound): services "nope" not found\n',
      exitCode: 1,
    });
    expect(s.world).toBe(before);
  });

  it('describes what it found and then reports each name it did not', () => {
    const s = story();
    const first = podNames(s)[0] as string;
    const one = run(s, `kubectl describe pod ${first}`).stdout;
    expect(run(s, `kubectl describe pod nope ${first} gone`)).toMatchObject({
      stdout: one,
      stderr:
        'Error from server (NotFound): pods "nope" not found\nError from server (NotFound): pods "gone" not found\n',
      exitCode: 1,
    });
  });

  it('says so on stderr when nothing matches', () => {
    const s = story();
    expect(run(s, 'kubectl describe pods -l app=nope')).toMatchObject({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(run(s, 'kubectl describe deployments -n kube-public')).toMatchObject({
      stderr: 'No resources found in kube-public namespace.\n',
    });
    expect(run(s, 'kubectl describe pods -A -l app=nope')).toMatchObject({
      stderr: 'No resources found\n',
    });
    expect(run(s, 'kubectl describe secrets')).toMatchObject({
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
  });

  it('rejects what the resource builder rejects', () => {
    const s = story();
    const cases: [string, string][] = [
      ['kubectl describe foo', `error: the server doesn't have a resource type "foo"\n`],
      ['kubectl describe all my-app', 'error: you must specify only one resource\n'],
      // pod `my-app` is missing, service `my-app` is not: one NotFound starts prefix matching,
      // which takes a single type only.
      ['kubectl describe pods,svc my-app', 'error: you may only specify a single resource type\n'],
      [
        'kubectl describe pods x -A',
        'error: a resource cannot be retrieved by name across all namespaces\n',
      ],
      [
        'kubectl describe pods x -l app=x',
        'error: name cannot be provided when a selector is specified\n',
      ],
      [
        'kubectl describe pod/x -l app=x',
        'error: selectors and the all flag cannot be used when passing resource/name arguments\n',
      ],
      ['kubectl describe cm x', 'Error from server (NotFound): configmaps "x" not found\n'],
      ['kubectl describe -f my-app.yaml', 'error: the path "my-app.yaml" does not exist\n'],
    ];
    for (const [line, stderr] of cases) {
      expect(run(s, line), line).toMatchObject({ stdout: '', stderr, exitCode: 1 });
    }
  });

  it('describes the pod stuck pulling a tag that does not exist', () => {
    const s = story();
    expect(run(s, 'kubectl set image deployment/my-app nginx=nginx:2.27.0').exitCode).toBe(0);
    run(s, 'sleep 60');
    const stuck = podNames(s).find((n) => !n.startsWith('my-app-6c88c95455')) as string;
    const r = run(s, `kubectl describe pod ${stuck}`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "Name:             my-app-59fbb5f785-s229d
      Namespace:        default
      Priority:         0
      Service Account:  default
      Node:             node-1/10.0.0.11
      Start Time:       Thu, 15 Jan 2026 09:00:40 +0000
      Labels:           app=my-app
                        pod-template-hash=59fbb5f785
      Annotations:      <none>
      Status:           Pending
      IP:               10.244.1.3
      IPs:
        IP:           10.244.1.3
      Controlled By:  ReplicaSet/my-app-59fbb5f785
      Containers:
        nginx:
          Container ID:   
          Image:          nginx:2.27.0
          Image ID:       
          Port:           <none>
          Host Port:      <none>
          State:          Waiting
            Reason:       ImagePullBackOff
          Ready:          False
          Restart Count:  0
          Environment:    <none>
          Mounts:
            /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-d77td (ro)
      Conditions:
        Type                        Status
        PodReadyToStartContainers   True 
        Initialized                 True 
        Ready                       False 
        ContainersReady             False 
        PodScheduled                True 
      Volumes:
        kube-api-access-d77td:
          Type:                    Projected (a volume that contains injected data from multiple sources)
          TokenExpirationSeconds:  3607
          ConfigMapName:           kube-root-ca.crt
          ConfigMapOptional:       <nil>
          DownwardAPI:             true
      QoS Class:                   BestEffort
      Node-Selectors:              <none>
      Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                   node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
      Events:
        Type     Reason     Age                From               Message
        ----     ------     ----               ----               -------
        Normal   Scheduled  60s                default-scheduler  Successfully assigned default/my-app-59fbb5f785-s229d to node-1
        Normal   Pulling    21s (x3 over 60s)  kubelet            Pulling image "nginx:2.27.0"
        Warning  Failed     20s (x3 over 59s)  kubelet            Failed to pull image "nginx:2.27.0": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:2.27.0": failed to resolve reference "docker.io/library/nginx:2.27.0": docker.io/library/nginx:2.27.0: not found
        Warning  Failed     20s (x3 over 59s)  kubelet            Error: ErrImagePull
        Normal   BackOff    6s (x2 over 35s)   kubelet            Back-off pulling image "nginx:2.27.0"
        Warning  Failed     6s (x2 over 35s)   kubelet            Error: ImagePullBackOff
      "
    `);
  });
});
