/** Activity types of Solid Notifications (Activity Streams 2.0) that the crawler acts on. */
export const NOTIFICATION_TYPES = ['Add', 'Remove', 'Create', 'Update', 'Delete'] as const;

/** One activity type of {@link NOTIFICATION_TYPES}. */
export type NotificationType = typeof NOTIFICATION_TYPES[number];

/**
 * A change announced on a subscribed container (the topic). `Add` and `Remove` name the child in
 * `object` and the container in `target`; `Create`, `Update` and `Delete` name the changed
 * resource in `object`.
 */
export interface ResourceNotification {
  topic: string;
  object: string;
  type: NotificationType;
  target?: string;
  /** The resource's new state (CSS sends its ETag), when the server includes one. */
  state?: string;
  /** When the server published the notification, as sent. */
  published?: string;
}

/**
 * Parses a WebSocketChannel2023 message, a JSON-LD Activity Streams 2.0 object. Returns
 * undefined for a message that is not JSON or not one of the handled activity types.
 */
export function parseNotification(topic: string, message: string): ResourceNotification | undefined {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const body = value as Record<string, unknown>;
  const type = NOTIFICATION_TYPES.find((candidate) => activityName(body.type) === candidate);
  const object = idOf(body.object);
  if (type === undefined || object === undefined) {
    return undefined;
  }
  const notification: ResourceNotification = { topic, object, type };
  const target = idOf(body.target);
  if (target !== undefined) {
    notification.target = target;
  }
  if (typeof body.state === 'string') {
    notification.state = body.state;
  }
  if (typeof body.published === 'string') {
    notification.published = body.published;
  }
  return notification;
}

/** Returns `Add` for `Add`, `as:Add` or `https://www.w3.org/ns/activitystreams#Add`. */
function activityName(type: unknown): string | undefined {
  if (typeof type !== 'string') {
    return undefined;
  }
  return type.slice(Math.max(type.lastIndexOf('#'), type.lastIndexOf(':')) + 1);
}

/** Returns the IRI of a JSON-LD node given as a string or as an object with `id` or `@id`. */
function idOf(node: unknown): string | undefined {
  if (typeof node === 'string') {
    return node;
  }
  if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    const id = record.id ?? record['@id'];
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}
