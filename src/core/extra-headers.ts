import { z } from 'zod';
import { reservedHeaderMessage } from '../shared/listener-url-hint';

/** RFC 9110 token characters for a field name. */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

export const extraHeaderSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a header name')
    .max(100, 'Use at most 100 characters')
    .regex(HEADER_NAME, 'Header names use letters, digits and - only')
    .superRefine((name, ctx) => {
      const message = reservedHeaderMessage(name);
      if (message) ctx.addIssue({ code: 'custom', message });
    }),
  value: z
    .string()
    .max(1000, 'Use at most 1000 characters')
    .regex(/^[^\r\n]*$/, 'A header value cannot contain line breaks'),
});

export const extraHeadersSchema = z
  .array(extraHeaderSchema)
  .max(10, 'Use at most 10 extra headers')
  .superRefine((headers, ctx) => {
    const seen = new Set<string>();
    headers.forEach((header, index) => {
      const lower = header.name.toLowerCase();
      if (seen.has(lower)) ctx.addIssue({ code: 'custom', message: 'This header is already listed', path: [index, 'name'] });
      seen.add(lower);
    });
  });
