/**
 * Returns the targets of an HTTP `Link` header (RFC 8288) whose `rel` includes `relation`,
 * resolved against `base`. Targets that are not valid URLs are left out.
 */
export function linkTargets(header: string | null | undefined, relation: string, base: string): string[] {
  if (header === null || header === undefined) {
    return [];
  }
  const targets: string[] = [];
  for (const match of header.matchAll(/<([^>]*)>([^,<]*)/gu)) {
    const parameters = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/iu.exec(parameters);
    const relations = (rel?.[1] ?? rel?.[2] ?? '').split(/\s+/u);
    if (!relations.includes(relation)) {
      continue;
    }
    try {
      targets.push(new URL(match[1] ?? '', base).href);
    } catch {
      // A malformed target is no link to follow.
    }
  }
  return targets;
}
