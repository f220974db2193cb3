import { stringify } from 'yaml';

/** Every Temporal node shares the history shards through the one database; fixed once the schema holds data. */
export const NUM_HISTORY_SHARDS = 4;
export const CLUSTER_NAME = 'exitflow';

export interface TemporalDatabase {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** The ports of one node: each of the four services has a gRPC and a membership port of its own. */
export interface TemporalNodePorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

export const TEMPORAL_NODE_PORT_NAMES: readonly (keyof TemporalNodePorts)[] = [
  'frontend',
  'frontendHttp',
  'frontendMembership',
  'history',
  'historyMembership',
  'matching',
  'matchingMembership',
  'worker',
  'workerMembership',
];

/**
 * What the cluster needs beyond the server's defaults, as the dev server turns it on: updates (the API's
 * decisions), the worker-versioning APIs.
 */
export const DYNAMIC_CONFIG = {
  'frontend.enableUpdateWorkflowExecution': [{ value: true }],
  'frontend.enableUpdateWorkflowExecutionAsyncAccepted': [{ value: true }],
  'frontend.workerVersioningDataAPIs': [{ value: true }],
  'frontend.workerVersioningWorkflowAPIs': [{ value: true }],
  'system.enableDeploymentVersions': [{ value: true }],
  // A test namespace per e2e suite: the server caches namespaces, refreshed this often.
  'system.namespaceCacheRefreshInterval': [{ value: '2s' }],
};

export const TEMPORAL_DATABASE = 'temporal';
export const VISIBILITY_DATABASE = 'temporal_visibility';

/**
 * One node's configuration file: all four services on 127.0.0.1; the nodes find each other through the
 * cluster_membership table of the shared database, so two such files make one ring.
 */
export function temporalNodeConfig(options: {
  database: TemporalDatabase;
  databases: { temporal: string; visibility: string };
  ports: TemporalNodePorts;
  /** The first node's frontend: the cluster's address in clusterMetadata. */
  clusterFrontend: string;
  dynamicConfigFile: string;
}): string {
  const { database, databases, ports } = options;
  const datastore = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${database.host}:${database.port}`,
      connectProtocol: 'tcp',
      user: database.user,
      password: database.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const service = (grpcPort: number, membershipPort: number, httpPort?: number) => ({
    rpc: { grpcPort, membershipPort, bindOnIP: '127.0.0.1', ...(httpPort ? { httpPort } : {}) },
  });
  return stringify({
    log: { stdout: true, level: 'warn', format: 'json' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: NUM_HISTORY_SHARDS,
      datastores: {
        'postgres-default': datastore(databases.temporal, 10),
        'postgres-visibility': datastore(databases.visibility, 4),
      },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
    },
    services: {
      frontend: service(ports.frontend, ports.frontendMembership, ports.frontendHttp),
      history: service(ports.history, ports.historyMembership),
      matching: service(ports.matching, ports.matchingMembership),
      worker: service(ports.worker, ports.workerMembership),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: CLUSTER_NAME,
      currentClusterName: CLUSTER_NAME,
      clusterInformation: {
        [CLUSTER_NAME]: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: options.clusterFrontend,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    // The internal worker service (namespace deletion, scavengers) calls this node's own frontend.
    publicClient: { hostPort: `127.0.0.1:${ports.frontend}` },
    dynamicConfigClient: { filepath: options.dynamicConfigFile, pollInterval: '10s' },
  });
}

export function dynamicConfigFile(): string {
  return stringify(DYNAMIC_CONFIG);
}
