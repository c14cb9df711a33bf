export { NotificationSubscriber } from './NotificationSubscriber.js';
export type { NotificationSubscriberOptions, SubscriptionStatus } from './NotificationSubscriber.js';
export { NOTIFICATION_TYPES, parseNotification } from './ResourceNotification.js';
export type { NotificationType, ResourceNotification } from './ResourceNotification.js';
export { SubscriptionServiceFinder, WEB_SOCKET_CHANNEL_2023 } from './SubscriptionServiceFinder.js';
export type { SubscriptionServiceLookup, UrlCheck } from './SubscriptionServiceFinder.js';
