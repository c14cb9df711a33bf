import type { PodState } from '../crawler/index.js';

/**
 * Returns the topics to subscribe to for one pod, at most `limit`. The registered containers
 * come first, then the sub-containers between them and the documents, because a new document in
 * a sub-container is announced only on that sub-container. The documents themselves come last,
 * newest name first. A container topic announces only children added or removed (measured on
 * Community Solid Server 7.2), so a document that changes in place needs its own subscription.
 */
export function subscriptionTopics(pod: PodState, limit: number): string[] {
  const documents = [...pod.documents.keys()].sort().reverse();
  const subContainers = new Set<string>();
  for (const document of documents) {
    const root = pod.containers.find((container) => document.startsWith(container));
    if (root === undefined) {
      continue;
    }
    let cut = document.lastIndexOf('/', document.length - 2);
    while (cut >= root.length) {
      subContainers.add(document.slice(0, cut + 1));
      cut = document.lastIndexOf('/', cut - 1);
    }
  }
  const topics = new Set([...pod.containers, ...[...subContainers].sort(), ...documents]);
  return [...topics].slice(0, limit);
}
