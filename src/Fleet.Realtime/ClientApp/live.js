// The SignalR connection to /hubs/map: MessagePack by default (?protocol=json for JSON), reconnects forever with
// backoff, re-subscribes and lets the page re-fetch the snapshot after every reconnect.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';

export function createLive({ token, hubPath, onPositions, onLeft, onState, onReconnected }) {
  let subscription = null;
  const builder = new HubConnectionBuilder()
    .withUrl(hubPath, { accessTokenFactory: () => token })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(500 * 2 ** ctx.previousRetryCount, 10000) + Math.random() * 500 })
    .configureLogging(LogLevel.Warning);
  if (new URLSearchParams(window.location.search).get('protocol') !== 'json') builder.withHubProtocol(new MessagePackHubProtocol());
  const connection = builder.build();
  connection.on('positions', onPositions);
  connection.on('left', onLeft);
  connection.onreconnecting(() => onState('reconnecting'));
  connection.onreconnected(async () => {
    onState('connected');
    await resubscribe();
    onReconnected();
  });
  // Automatic reconnect gives up only on a failed first start or a server close: start again ourselves.
  connection.onclose(() => { onState('disconnected'); setTimeout(start, 2000); });

  async function resubscribe() {
    if (subscription && connection.state === HubConnectionState.Connected) {
      await connection.invoke('Subscribe', subscription);
    }
  }

  async function start() {
    if (connection.state !== HubConnectionState.Disconnected) return;
    try {
      onState('connecting');
      await connection.start();
      onState('connected');
      await resubscribe();
      onReconnected();
    } catch {
      onState('disconnected');
      setTimeout(start, 2000);
    }
  }

  return {
    start,
    async subscribe(next) {
      subscription = next;
      await resubscribe();
    },
    connection,
  };
}
