import { describe, expect, it } from 'vitest';
import { codes, diagnose, errors, only } from './helpers.js';

/** AWS's own flow-log record examples (docs: "Flow log record examples"), and what they must give. */
describe("AWS's documented flow-log examples", () => {
  it('accepted SSH and rejected RDP: the RDP request is REJECTed inbound, the SSH record raises nothing', () => {
    const r = diagnose(
      [
        '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK',
        '2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK',
      ].join('\n'),
    );
    const f = only(r, 'INBOUND_REQUEST_REJECTED');
    expect(f.evidence.map((e) => e.lines[0])).toEqual([2]);
    expect(f.subject).toMatchObject({ serverPort: 3389, client: '172.31.9.69' });
    expect(errors(r)).toHaveLength(1);
  });

  it('the TCP flag sequence (SYN 2, SYN+FIN 3, SYN-ACK+FIN 19) in its custom order is healthy traffic', () => {
    const paste = `version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43416 5001 52.213.180.42 10.0.0.62 6 568 8 1566848875 1566848933 ACCEPT 2 OK
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43638 5001 52.213.180.42 10.0.0.62 6 1260 17 1566933133 1566933193 ACCEPT 3 OK
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43638 10.0.0.62 52.213.180.42 6 967 14 1566933133 1566933193 ACCEPT 19 OK`;
    const r = diagnose(paste);
    expect(errors(r)).toEqual([]);
    expect(codes(r)).not.toContain('REQUEST_NOT_ANSWERED');
    expect(codes(r)).toContain('NETWORK_PATH_OK');
  });

  it('NODATA and SKIPDATA examples', () => {
    const r = diagnose(
      [
        '2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA',
        '2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA',
      ].join('\n'),
    );
    expect(only(r, 'LOG_NO_DATA').evidence[0]!.lines).toEqual([1]);
    expect(only(r, 'LOG_SKIPPED_DATA').evidence[0]!.lines).toEqual([2]);
  });

  it("records on a transit gateway attachment's ENI (other hosts' addresses, instance-id '-') are not faults", () => {
    const paste = `version interface-id account-id vpc-id subnet-id instance-id srcaddr dstaddr srcport dstport protocol tcp-flags type pkt-srcaddr pkt-dstaddr action log-status
3 eni-33333333333333333 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb - 10.20.33.164 10.40.2.236 39812 80 6 3 IPv4 10.20.33.164 10.40.2.236 ACCEPT OK
3 eni-33333333333333333 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb - 10.40.2.236 10.20.33.164 80 39812 6 19 IPv4 10.40.2.236 10.20.33.164 ACCEPT OK
3 eni-33333333333333333 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb - 10.20.33.77 10.40.2.15 40110 443 6 3 IPv4 10.20.33.77 10.40.2.15 ACCEPT OK
3 eni-33333333333333333 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb - 10.40.2.15 10.20.33.77 443 40110 6 19 IPv4 10.40.2.15 10.20.33.77 ACCEPT OK`;
    const r = diagnose(paste);
    expect(errors(r)).toEqual([]);
    expect(codes(r)).not.toContain('EXPECTED_NAT_SOURCE_TRANSLATION');
  });
});
