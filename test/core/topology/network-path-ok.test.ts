import { describe, expect, it } from 'vitest';
import { analyze, codes } from './helpers.js';

/**
 * An internet peer never has a private address (an internet gateway drops RFC 1918 sources and
 * destinations), so a NACL entry for 10.0.0.0/8 cannot match it. NETWORK_PATH_OK must read a NACL the
 * way the NACL rules do, or it asks for a NACL the user pasted while those rules find nothing wrong.
 */
const setup = (
  nacl: string,
) => `the exporter can't reach the partner api on the internet (443), times out. setup:
vpc billing vpc-0b1b2c3d4e5f60002 10.30.0.0/16 us-east-1
subnet exp-a 10.30.4.0/24 rt=rt-exp nacl=acl-exp
rt rt-exp vpc=billing routes: 0.0.0.0/0 -> igw-0c1c2c3d4e5f60002
${nacl}
sg sg-exp vpc=billing out: all 0.0.0.0/0
host exporter 10.30.4.25 subnet=exp-a sgs=sg-exp public-ip=54.20.30.40
path exporter -> internet:443 timeout`;

describe('NETWORK_PATH_OK on a path to the internet', () => {
  it('a NACL that lets the VPC range through first and then allows 443 out and the replies in: the path is OK, nothing is asked', () => {
    const t = analyze(
      setup(
        'nacl acl-exp in: 90 allow all 10.0.0.0/8; 100 allow tcp 1024-65535 0.0.0.0/0; * deny all 0.0.0.0/0 out: 90 allow all 10.0.0.0/8; 100 allow tcp 443 0.0.0.0/0; * deny all 0.0.0.0/0',
      ),
    );
    expect(codes(t.findings)).toEqual(['NETWORK_PATH_OK']);
  });

  it('the same NACL allowing only the private range out: the NACL rule names it, and the path is not called OK', () => {
    const t = analyze(
      setup(
        'nacl acl-exp in: 90 allow all 10.0.0.0/8; 100 allow tcp 1024-65535 0.0.0.0/0; * deny all 0.0.0.0/0 out: 90 allow all 10.0.0.0/8; * deny all 0.0.0.0/0',
      ),
    );
    expect(codes(t.findings)).toEqual(['NACL_OUTBOUND_BLOCKS_REQUEST']);
  });
});
