import { Client, type ClientInterceptors, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import fs from 'node:fs';
import type { TemporalSettings } from '../config/exitflow-config';
import type { Keyring } from '../personal-data/keyring';
import { EncryptionCodec } from './encryption-codec';

/**
 * Every payload (workflow inputs, update arguments, results) encrypted before it reaches Temporal, and
 * failure messages and stack traces too (they may quote a reason). Unencrypted payloads are refused by
 * the client and marked for the workflow to refuse by the worker (see {@link EncryptionCodec}).
 */
export function encryptedDataConverter(keyring: Keyring, unencrypted: 'refuse' | 'mark' = 'refuse'): DataConverter {
  return {
    payloadCodecs: [new EncryptionCodec(keyring, unencrypted)],
    failureConverterPath: require.resolve('./failure-converter'),
  };
}

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

/**
 * The API's client. Its connection is lazy: the API starts (and answers 503 on what needs Temporal) while
 * Temporal is away, and connects — again — whenever Temporal is back.
 */
export async function connectTemporalClient(
  settings: TemporalSettings,
  codecKeyring: Keyring,
  interceptors?: ClientInterceptors,
): Promise<Client> {
  const connection = Connection.lazy({ address: settings.address, tls: tlsOptions(settings) });
  return new Client({
    connection,
    namespace: settings.namespace,
    dataConverter: encryptedDataConverter(codecKeyring),
    interceptors,
  });
}

/** A plain connection for operations' commands (`npm run deploy:*`): no payloads pass through it. */
export function connectOperationsConnection(settings: TemporalSettings): Promise<Connection> {
  return Connection.connect({ address: settings.address, tls: tlsOptions(settings) });
}

export function connectWorkerConnection(settings: TemporalSettings): Promise<NativeConnection> {
  return NativeConnection.connect({ address: settings.address, tls: tlsOptions(settings) });
}
