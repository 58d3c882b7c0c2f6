import { gzipSync } from 'node:zlib';

/**
 * A flow-log file as S3 delivers it: the v2 header line, then records from two ENIs (an app server
 * talking to a database, a few internet scanners rejected), `n` records in all.
 */
export function flowLogFile(n: number): string {
  const lines = [
    'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status',
  ];
  for (let i = 0; i < n; i++) {
    const start = 1764496800 + i * 7;
    const port = 40000 + ((i * 37) % 20000);
    if (i % 10 === 9) {
      lines.push(
        `2 409217365528 eni-0f1e2d3c4b5a69788 185.220.101.${i % 200} 10.40.1.12 ${port} 22 6 1 40 ${start} ${start + 60} REJECT OK`,
      );
    } else if (i % 2 === 0) {
      lines.push(
        `2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.2.17 10.40.9.200 ${port} 5432 6 ${5 + (i % 4)} ${300 + i} ${start} ${start + 60} ACCEPT OK`,
      );
    } else {
      lines.push(
        `2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.9.200 10.40.2.17 5432 ${port - 37} 6 ${4 + (i % 4)} ${280 + i} ${start} ${start + 60} ACCEPT OK`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export function gz(text: string): Buffer {
  return gzipSync(Buffer.from(text));
}
