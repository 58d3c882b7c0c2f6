/**
 * TCP flags as flow logs record them: a bitmask OR-ed over the aggregation window (FIN 1, SYN 2,
 * RST 4, PSH 8, ACK 16, URG 32). AWS logs only FIN, SYN, RST and SYN-ACK (18); ACK or PSH alone give 0.
 */
const BITS: [number, string][] = [
  [1, 'FIN'],
  [2, 'SYN'],
  [4, 'RST'],
  [8, 'PSH'],
  [16, 'ACK'],
  [32, 'URG'],
  [64, 'ECE'],
  [128, 'CWR'],
];

/** The flag names set in a tcp-flags value: 19 gives ["FIN", "SYN", "ACK"]. */
export function decodeTcpFlags(value: number): string[] {
  return BITS.filter(([bit]) => (value & bit) !== 0).map(([, name]) => name);
}

/** The conventional reading: 2 "SYN", 18 "SYN-ACK", 19 "SYN-ACK, FIN", 3 "SYN, FIN", 0 "none logged". */
export function describeTcpFlags(value: number): string {
  if (value === 0) return 'no SYN/FIN/RST logged';
  const parts: string[] = [];
  if ((value & 18) === 18) parts.push('SYN-ACK');
  else if (value & 2) parts.push('SYN');
  if (value & 1) parts.push('FIN');
  if (value & 4) parts.push('RST');
  return parts.join(', ');
}

/** True when the window saw a connection being opened by this side (SYN without ACK). */
export function isSynOnly(value: number): boolean {
  return (value & 2) !== 0 && (value & 16) === 0;
}

/** True when the window saw the answer to an opening (SYN-ACK). */
export function isSynAck(value: number): boolean {
  return (value & 18) === 18;
}
