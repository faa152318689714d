// What travels over the chapter's own namespace, /topology. The room chat itself
// is the rooms chapter's /chat, with its events (@course/socketio-rooms/events).

/** The namespace that shows the cluster: instances, where each tab is, each message's path. */
export const TOPOLOGY_NAMESPACE = '/topology';

/** Which Redis adapter an instance uses: `streams` (the default) or `pubsub` (ADAPTER=pubsub). */
export type AdapterKind = 'streams' | 'pubsub';
export const ADAPTER_KINDS: readonly AdapterKind[] = ['streams', 'pubsub'];

/** One instance (one process) of the chapter's server. */
export interface InstanceInfo {
  /** Its name: A, B, C… */
  instance: string;
  pid: number;
  adapter: AdapterKind;
  /** Its /chat sockets, counted by the instance itself. */
  sockets: number;
}

/** One /chat socket anywhere in the cluster, as `fetchSockets()` reports it. */
export interface MemberInfo {
  id: string;
  name: string;
  rooms: string[];
  /** The instance its connection is on. */
  instance: string;
}

/** The whole cluster as one instance sees it through the adapter. */
export interface Topology {
  /** The instance that answered. */
  instance: string;
  instances: InstanceInfo[];
  members: MemberInfo[];
}

/** A message's path: the instance it was sent to, the adapter, the instances that delivered it. */
export interface Route {
  name: string;
  room: string;
  msg: string;
  from: string;
  adapter: AdapterKind;
  /** Every instance with a socket in the room, sorted: each delivered the message to its own. */
  deliveredBy: string[];
}

export interface TopologyClientToServer {
  /** The cluster, as `fetchSockets()` and `serverSideEmit()` see it. */
  topology: (ack: (topology: Topology) => void) => void;
  /** Ends this instance's process (cluster mode only), to show a worker dying. */
  crash: (ack: (answer: { ok: boolean; error?: string }) => void) => void;
}

export interface TopologyServerToClient {
  /** Sent on connect: the instance this tab's connection is on. */
  hello: (info: { instance: string; pid: number; adapter: AdapterKind }) => void;
  /** Every message posted to /chat anywhere in the cluster, with its path. */
  route: (route: Route) => void;
}

/** What instances ask each other with `serverSideEmit()`. */
export interface InterServerEvents {
  whoIs: (ack: (info: InstanceInfo) => void) => void;
}
