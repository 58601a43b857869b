/**
 * A loopback server that captures the credentials a database client sends (see
 * credential-capture-server.mjs), to prove that a stored password never goes to a host it was
 * not saved for. Await it between executions only: the bundle's JDBC calls block this process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as path from 'node:path';

export interface Captured {
  /** Startup parameters (PostgreSQL: user, database...; MySQL: user). */
  params: Record<string, string>;
  /** PostgreSQL: the cleartext password sent. */
  password?: string;
  /** MySQL: the mysql_native_password auth response, hex. */
  authResponse?: string;
  /** Everything the client sent, base64. */
  raw: string;
}

export interface CredentialCapture {
  port: number;
  received(): Promise<Captured[]>;
  /** Whether any connection carried `secret`, in clear or as MySQL's scrambled token. */
  sawSecret(secret: string): Promise<boolean>;
  stop(): Promise<void>;
}

export async function startCredentialCapture(protocol: 'pg' | 'mysql'): Promise<CredentialCapture> {
  const file = path.join(__dirname, 'credential-capture-server.mjs');
  const child = fork(file, [protocol], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await nextMessage<{ port: number; scramble: string }>(child, 'ready');
  const scramble = Buffer.from(ready.scramble, 'hex');
  const received = async () => {
    child.send({ type: 'received' });
    return (await nextMessage<{ received: Captured[] }>(child, 'received')).received;
  };
  return {
    port: ready.port,
    received,
    sawSecret: async (secret) => {
      const token = nativePasswordToken(secret, scramble);
      return (await received()).some(
        (r) =>
          Buffer.from(r.raw, 'base64').includes(Buffer.from(secret)) ||
          r.password === secret ||
          r.authResponse === token,
      );
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      });
    },
  };
}

/** SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))), as a MySQL client answers. */
function nativePasswordToken(password: string, scramble: Buffer): string {
  const sha1 = (b: Buffer) => createHash('sha1').update(b).digest();
  const stage1 = sha1(Buffer.from(password, 'utf8'));
  const stage2 = sha1(stage1);
  const mix = sha1(Buffer.concat([scramble, stage2]));
  return Buffer.from(stage1.map((byte, i) => byte ^ mix[i])).toString('hex');
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: unknown) => {
      const m = msg as { type?: string } & T;
      if (m && m.type === type) {
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m);
      }
    };
    const onExit = (code: number | null) => reject(new Error(`capture server exited (code ${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
