import { canonicalJson } from '@app/event-store/integrity';
import type { Doc } from '@app/read-store/read-store.port';

/**
 * One document on which the live read model and the rebuild disagree. Only ids and field
 * names: values may be personal data and never leave the process.
 */
export interface DocumentDifference {
  readonly collection: string;
  readonly id: string;
  readonly problem: 'missing in live' | 'missing in rebuild' | 'different';
  readonly fields?: readonly string[];
}

export function diffCollection(
  collection: string,
  live: readonly Doc[],
  rebuilt: readonly Doc[],
): DocumentDifference[] {
  const liveById = new Map(live.map((doc) => [doc.id, doc]));
  const rebuiltById = new Map(rebuilt.map((doc) => [doc.id, doc]));
  const ids = [...new Set([...liveById.keys(), ...rebuiltById.keys()])].sort();
  const differences: DocumentDifference[] = [];
  for (const id of ids) {
    const liveDoc = liveById.get(id);
    const rebuiltDoc = rebuiltById.get(id);
    if (!liveDoc) differences.push({ collection, id, problem: 'missing in live' });
    else if (!rebuiltDoc) differences.push({ collection, id, problem: 'missing in rebuild' });
    else {
      const fields = differingFields(liveDoc, rebuiltDoc);
      if (fields.length > 0) differences.push({ collection, id, problem: 'different', fields });
    }
  }
  return differences;
}

function differingFields(a: Doc, b: Doc): string[] {
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return fields.filter((field) => canonicalJson(a[field]) !== canonicalJson(b[field]));
}

export function describeDifference({ collection, id, problem, fields }: DocumentDifference) {
  const which = fields ? ` (fields: ${fields.join(', ')})` : '';
  return `DIFF ${collection} ${id}: ${problem}${which}`;
}
