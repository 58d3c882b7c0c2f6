/**
 * Masks 12-digit AWS account IDs (in flow-log records, ARNs, `OwnerId`s, ECR hostnames) so that a
 * paste shown in a public channel does not publish them: `123456789012` → `xxxxxxxx9012`. The last
 * four digits stay, so a reader can still tell two accounts apart. A 12-digit run inside a longer
 * word or number (a resource ID, a byte count with more digits) is left alone.
 */
export function maskAccountIds(text: string): string {
  return text.replace(/(?<![0-9A-Za-z])\d{12}(?![0-9A-Za-z])/g, (id) => `xxxxxxxx${id.slice(8)}`);
}
