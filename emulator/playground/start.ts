/**
 * `npm start`: runs the local playground until Ctrl+C. PORT picks the port (default 8080),
 * SHEETDASH_LANG the sidebar language (en or ja, default from LANG), SHEETDASH_STATE the
 * state folder (default .playground/).
 */
import { startPlayground } from './server';

async function main(): Promise<void> {
  const lang = (process.env.SHEETDASH_LANG ?? process.env.LANG ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
  const port = process.env.PORT === undefined ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${process.env.PORT}".`);
  const playground = await startPlayground({ port, lang, stateDir: process.env.SHEETDASH_STATE || undefined });
  console.log(`\nSheetdash playground: ${playground.url}`);
  console.log(
    `Webhook receiver:     ${playground.receiver.origin}/__receiver/ (https://hooks.slack.com and https://slack.com/api go there)`,
  );
  console.log(`State:                ${playground.stateDir} (delete it to start over)\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    playground.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
