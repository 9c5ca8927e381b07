/**
 * Agent Studio listeners accept bodies up to 1 MB (receiver.md). A larger issue (huge description,
 * hundreds of comments) is not dropped: its largest fields are removed until the body fits, and the body
 * says which were removed so a listener can fetch them from Jira if it needs them.
 */
export const MAX_BODY_BYTES = 1_000_000;

export interface FittedBody {
  body: string;
  droppedFields: string[];
}

interface BodyWithIssue {
  issue: { fields: Record<string, unknown> };
  truncated?: { droppedFields: string[]; reason: string };
}

export function fitBody(payload: BodyWithIssue, maxBytes = MAX_BODY_BYTES): FittedBody | undefined {
  let body = JSON.stringify(payload);
  if (byteLength(body) <= maxBytes) return { body, droppedFields: [] };
  const fields = { ...payload.issue.fields };
  const bySize = Object.keys(fields).sort((a, b) => byteLength(JSON.stringify(fields[b]) ?? '') - byteLength(JSON.stringify(fields[a]) ?? ''));
  const droppedFields: string[] = [];
  for (const name of bySize) {
    delete fields[name];
    droppedFields.push(name);
    const candidate: BodyWithIssue = {
      ...payload,
      issue: { ...payload.issue, fields },
      truncated: { droppedFields, reason: `The body was over ${maxBytes} bytes; the largest issue fields were left out.` },
    };
    body = JSON.stringify(candidate);
    if (byteLength(body) <= maxBytes) return { body, droppedFields };
  }
  // Even without issue fields it is too large (a giant comment or changelog): the caller fails it clearly.
  return undefined;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
