import os from 'node:os';
import { temporalSettingsFromEnvironment, workerDeploymentFromEnvironment } from '../../../libs/config/exitflow-config';
import { connectOperationsConnection } from '../../../libs/temporal/temporal-connection';
import { runDeployCommand } from './deploy-commands';

/** `npm run deploy:status|deploy:promote|deploy:ramp`: the worker deployment's routing (docs/operations.md). */
async function main(): Promise<void> {
  const temporal = temporalSettingsFromEnvironment();
  const deployment = workerDeploymentFromEnvironment();
  const connection = await connectOperationsConnection(temporal);
  try {
    await runDeployCommand(
      process.argv.slice(2),
      connection.workflowService,
      {
        namespace: temporal.namespace,
        deploymentName: deployment.deploymentName,
        buildId: deployment.buildId,
        identity: `exitflow-deploy@${os.hostname()}`,
      },
      (line) => console.log(line),
    );
  } finally {
    await connection.close();
  }
}

main().catch((error: Error) => {
  console.error(`exitflow deploy: ${error.message}`);
  process.exit(1);
});
