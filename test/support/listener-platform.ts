import type { ConnectionView } from '../../src/shared/contract';
import { startLoopbackListener, type LoopbackListener, type ReceivedRequest, type Reply } from './loopback-listener';
import { startTestPlatform, type TestPlatform } from './platform';

export interface ListenerPlatform {
  listener: LoopbackListener;
  platform: TestPlatform;
  /** The Jira admin's account id. */
  admin: string;
  /** The seeded connection, pointing at `listener` with `token`. */
  connection: ConnectionView;
}

/** A loopback listener and the local platform whose seeded connection sends to it with this API key. */
export async function startListenerPlatform(token: string, reply?: (request: ReceivedRequest, index: number) => Reply): Promise<ListenerPlatform> {
  const listener = await startLoopbackListener(reply);
  const platform = await startTestPlatform({ listener: { url: listener.url, token } });
  return { listener, platform, admin: platform.users.admin.accountId, connection: await platform.firstConnection() };
}

export async function stopListenerPlatform(env: Pick<ListenerPlatform, 'listener' | 'platform'>): Promise<void> {
  await env.platform.close();
  await env.listener.close();
}
