import { describe, expect, it } from 'vitest';
import { citedLines, codes, diagnose, only } from './helpers.js';

describe('LOG_NO_DATA and LOG_SKIPPED_DATA', () => {
  const paste = `nothing in the logs for the batch box during the outage window?
2 118273645099 eni-0a2b4c6d8e0f1a2b3 - - - - - - - 1775200000 1775200060 - NODATA
2 118273645099 eni-0a2b4c6d8e0f1a2b3 - - - - - - - 1775200060 1775200120 - NODATA
2 118273645099 eni-0c4d6e8f0a2b4c6d8 - - - - - - - 1775200000 1775200060 - SKIPDATA`;

  it('NODATA windows are info about the interface, SKIPDATA windows a warning that evidence is incomplete', () => {
    const r = diagnose(paste);
    const nodata = only(r, 'LOG_NO_DATA');
    expect(nodata.severity).toBe('info');
    expect(citedLines(nodata)).toEqual([2, 3]);
    expect(nodata.subject).toEqual({ interfaceId: 'eni-0a2b4c6d8e0f1a2b3' });
    const skip = only(r, 'LOG_SKIPPED_DATA');
    expect(skip.severity).toBe('warning');
    expect(citedLines(skip)).toEqual([4]);
  });

  it('OK records raise neither', () => {
    const r = diagnose(
      '2 118273645099 eni-0a2b4c6d8e0f1a2b3 10.1.1.1 10.1.1.2 40000 443 6 5 400 1775200000 1775200060 ACCEPT OK',
    );
    expect(codes(r)).not.toContain('LOG_NO_DATA');
    expect(codes(r)).not.toContain('LOG_SKIPPED_DATA');
  });
});
