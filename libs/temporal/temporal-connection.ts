import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import fs from 'node:fs';
import type { TemporalSettings } from '../config/exitflow-config';

function tlsOptions(settings: TemporalSettings) {
  if (!settings.tls) return undefined;
  const { serverRootCaPath, clientCertPath, clientKeyPath } = settings.tls;
  return {
    ...(serverRootCaPath ? { serverRootCACertificate: fs.readFileSync(serverRootCaPath) } : {}),
    ...(clientCertPath && clientKeyPath
      ? { clientCertPair: { crt: fs.readFileSync(clientCertPath), key: fs.readFileSync(clientKeyPath) } }
      : {}),
  };
}

export async function connectTemporalClient(settings: TemporalSettings): Promise<Client> {
  const connection = await Connection.connect({ address: settings.address, tls: tlsOptions(settings) });
  return new Client({ connection, namespace: settings.namespace });
}

export function connectWorkerConnection(settings: TemporalSettings): Promise<NativeConnection> {
  return NativeConnection.connect({ address: settings.address, tls: tlsOptions(settings) });
}
