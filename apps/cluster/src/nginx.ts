import { type ChildProcess, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { spawnLogged } from './processes';

/** Debian's nginx (`apt-get install nginx`), or NGINX_PATH. */
export function nginxBinary(): string {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].filter(Boolean) as string[];
  const found = candidates.find((candidate) => spawnSync(candidate, ['-v'], { stdio: 'ignore' }).status === 0);
  if (!found) {
    throw new Error('nginx was not found: install it (apt-get install nginx) or set NGINX_PATH to its binary.');
  }
  return found;
}

/**
 * The load balancer in front of the API replicas, and of Temporal's frontends for the replicas and workers. A replica that refuses the connection (killed) is
 * skipped for 5 s and the request passed to the next one; nginx never resends a request a replica has
 * already received unless its method is idempotent, so a POST reaches at most one replica.
 */
export interface NginxOptions {
  prefix: string;
  port: number;
  apiPorts: number[];
  /** Temporal's gRPC, balanced over the nodes' frontends: a killed node's calls go to the others. */
  grpc: { port: number; frontends: string[] };
}

/**
 * The gRPC server's locations, here and in deploy/nginx.conf (the compose spec compares them). A frontend
 * that fails under a call already sent (a node killed) makes nginx answer HTTP 502 with an HTML page, which
 * gRPC clients read as INTERNAL ("invalid compression flag"), a code nobody retries and the API would answer
 * 500 to; the named location answers it as gRPC's UNAVAILABLE instead (a trailers-only response), which the
 * SDK and the API treat as "Temporal cannot be reached now".
 */
export const GRPC_LOCATIONS = [
  'location / {',
  '  grpc_pass grpc://temporal_frontends;',
  '  grpc_next_upstream error timeout;',
  '  grpc_connect_timeout 2s;',
  // Workers' long polls last up to 70 s.
  '  grpc_read_timeout 300s;',
  '  grpc_send_timeout 300s;',
  '  error_page 502 503 504 = @grpc_unavailable;',
  '}',
  'location @grpc_unavailable {',
  '  default_type application/grpc;',
  '  add_header grpc-status 14 always;',
  '  add_header grpc-message "Temporal frontend unavailable" always;',
  '  add_header content-length 0 always;',
  '  return 204;',
  '}',
];

export function nginxConfig(options: NginxOptions): string {
  const { prefix } = options;
  const asRoot = process.getuid?.() === 0;
  return [
    // Run in the foreground as the launcher's child; as root the workers stay root to reach the temp folder.
    'daemon off;',
    asRoot ? 'user root;' : '',
    'worker_processes 1;',
    `pid ${path.join(prefix, 'nginx.pid')};`,
    `error_log ${path.join(prefix, 'error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    `  access_log ${path.join(prefix, 'access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `  ${kind}_temp_path ${path.join(prefix, `${kind}_temp`)};`,
    ),
    '  client_max_body_size 110m;',
    '  upstream exitflow_api {',
    ...options.apiPorts.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`),
    '    keepalive 32;',
    '  }',
    '  server {',
    `    listen 127.0.0.1:${options.port};`,
    '    location / {',
    '      proxy_pass http://exitflow_api;',
    '      proxy_http_version 1.1;',
    '      proxy_set_header Connection "";',
    '      proxy_set_header Host $http_host;',
    '      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '      proxy_set_header X-Forwarded-Proto $scheme;',
    '      proxy_next_upstream error timeout;',
    '      proxy_connect_timeout 2s;',
    '      proxy_read_timeout 120s;',
    '    }',
    '  }',
    '  upstream temporal_frontends {',
    ...options.grpc.frontends.map((frontend) => `    server ${frontend} max_fails=1 fail_timeout=5s;`),
    '  }',
    '  server {',
    `    listen 127.0.0.1:${options.grpc.port} http2;`,
    ...GRPC_LOCATIONS.map((line) => `    ${line}`),
    '  }',
    '}',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export function startNginx(options: NginxOptions): ChildProcess {
  fs.mkdirSync(options.prefix, { recursive: true });
  const configFile = path.join(options.prefix, 'nginx.conf');
  fs.writeFileSync(configFile, nginxConfig(options) + '\n');
  return spawnLogged(
    nginxBinary(),
    ['-p', options.prefix, '-e', path.join(options.prefix, 'error.log'), '-c', configFile],
    path.join(options.prefix, 'nginx.log'),
  );
}
