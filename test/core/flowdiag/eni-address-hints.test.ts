import { describe, expect, it } from 'vitest';
import { citedLines, codes, diagnose, linesWith, only } from './helpers.js';

const ENI = 'eni-0c4e1a7b9d3f5a2c8';
const REQUEST = `2 123456789010 ${ENI} 10.0.1.10 10.0.2.20 0 0 1 4 336 1774200000 1774200059 ACCEPT OK`;
const REPLY = `2 123456789010 ${ENI} 10.0.2.20 10.0.1.10 0 0 1 4 336 1774200000 1774200059 REJECT OK`;

/** A paste: the user's text around the two ping records (request ACCEPTed, reply REJECTed). */
function paste(before: string, after = ''): string {
  return [before, REQUEST, REPLY, after].filter((s) => s !== '').join('\n');
}

/** The text settles that the ENI is the client's (10.0.1.10): the reply is dropped coming in. */
function expectClientSide(text: string): void {
  const r = diagnose(text);
  const f = only(r, 'NACL_INBOUND_BLOCKS_RESPONSE');
  expect(f.severity).toBe('error');
  expect(citedLines(f)).toEqual([...linesWith(text, REQUEST), ...linesWith(text, REPLY)]);
  expect(f.subject).toMatchObject({ interfaceId: ENI, client: '10.0.1.10', server: '10.0.2.20' });
  expect(codes(r)).not.toContain('NACL_OUTBOUND_BLOCKS_RESPONSE');
}

/** Nothing settles which end the ENI is: the server side is assumed, with a warning. */
function expectUnresolved(text: string): void {
  const r = diagnose(text);
  const f = only(r, 'NACL_OUTBOUND_BLOCKS_RESPONSE');
  expect(f.severity).toBe('warning');
  expect(f.explanation).toContain('NACL_INBOUND_BLOCKS_RESPONSE');
  expect(codes(r)).not.toContain('NACL_INBOUND_BLOCKS_RESPONSE');
}

function describeEni(id: string, ip: string, secondary?: string): string {
  const extra = secondary
    ? `,
                {
                    "Primary": false,
                    "PrivateDnsName": "ip-${secondary.replaceAll('.', '-')}.eu-west-1.compute.internal",
                    "PrivateIpAddress": "${secondary}"
                }`
    : '';
  return `{
    "NetworkInterfaces": [
        {
            "Attachment": {
                "AttachmentId": "eni-attach-0a1b2c3d4e5f60718",
                "DeleteOnTermination": true,
                "DeviceIndex": 0,
                "InstanceId": "i-0f1e2d3c4b5a69788",
                "Status": "attached"
            },
            "AvailabilityZone": "eu-west-1a",
            "Groups": [
                {
                    "GroupName": "app-sg",
                    "GroupId": "sg-0b1c2d3e4f5a6b7c8"
                }
            ],
            "InterfaceType": "interface",
            "MacAddress": "06:1f:3a:5c:7e:91",
            "NetworkInterfaceId": "${id}",
            "OwnerId": "123456789010",
            "PrivateDnsName": "ip-${ip.replaceAll('.', '-')}.eu-west-1.compute.internal",
            "PrivateIpAddress": "${ip}",
            "PrivateIpAddresses": [
                {
                    "Primary": true,
                    "PrivateDnsName": "ip-${ip.replaceAll('.', '-')}.eu-west-1.compute.internal",
                    "PrivateIpAddress": "${ip}"
                }${extra}
            ],
            "SourceDestCheck": true,
            "Status": "in-use",
            "SubnetId": "subnet-0d1e2f3a4b5c6d7e8",
            "VpcId": "vpc-0a1b2c3d4e5f60718"
        }
    ]
}`;
}

describe("the user's text tells which address is the ENI's own when its records cannot", () => {
  it('without any hint the ping reply REJECT is read on the server side, with a warning', () => {
    expectUnresolved(paste('ping from app to db times out, flow logs:'));
  });

  it('describe-network-interfaces JSON in a code fence, after some prose, makes it the client ENI', () => {
    expectClientSide(
      paste(
        `ping from app to db just hangs. here's the interface:\n\`\`\`\n$ aws ec2 describe-network-interfaces --network-interface-ids ${ENI}\n${describeEni(ENI, '10.0.1.10')}\n\`\`\`\nand the flow log:`,
      ),
    );
  });

  it('describe-network-interfaces JSON pasted after the records counts too', () => {
    expectClientSide(paste('ping app -> db fails', `the eni:\n${describeEni(ENI, '10.0.1.10')}`));
  });

  it("a secondary private address listed only under PrivateIpAddresses is the ENI's own", () => {
    expectClientSide(paste(`eni details:\n${describeEni(ENI, '10.0.1.77', '10.0.1.10')}\nrecords:`));
  });

  it('describe-network-interfaces JSON naming the server address makes it the server ENI, at error severity', () => {
    const text = paste(`flow log plus the interface it came from:\n${describeEni(ENI, '10.0.2.20')}`);
    const r = diagnose(text);
    const f = only(r, 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(f.severity).toBe('error');
    expect(citedLines(f)).toEqual([...linesWith(text, REQUEST), ...linesWith(text, REPLY)]);
    expect(codes(r)).not.toContain('NACL_INBOUND_BLOCKS_RESPONSE');
  });

  it('describe-instances JSON whose NetworkInterfaces carry the ENI id and address makes it the client ENI', () => {
    const instances = `{
  "Reservations": [
    {
      "Instances": [
        {
          "InstanceId": "i-0f1e2d3c4b5a69788",
          "InstanceType": "t3.small",
          "PrivateIpAddress": "10.0.1.10",
          "SubnetId": "subnet-0d1e2f3a4b5c6d7e8",
          "VpcId": "vpc-0a1b2c3d4e5f60718",
          "NetworkInterfaces": [
            {
              "Attachment": { "DeviceIndex": 0, "Status": "attached" },
              "Description": "",
              "MacAddress": "06:1f:3a:5c:7e:91",
              "NetworkInterfaceId": "${ENI}",
              "PrivateIpAddress": "10.0.1.10",
              "PrivateIpAddresses": [{ "Primary": true, "PrivateIpAddress": "10.0.1.10" }],
              "SubnetId": "subnet-0d1e2f3a4b5c6d7e8"
            }
          ]
        }
      ]
    }
  ]
}`;
    expectClientSide(paste(`the app instance (aws ec2 describe-instances):\n${instances}\nflow logs:`));
  });

  it('describe-network-interfaces --output table makes it the client ENI', () => {
    const table = `-------------------------------------------------------------------
|                  DescribeNetworkInterfaces                      |
+-----------------------------------------------------------------+
||                       NetworkInterfaces                       ||
|+---------------------+-----------------------------------------+|
||  AvailabilityZone   |  eu-west-1a                             ||
||  InterfaceType      |  interface                              ||
||  NetworkInterfaceId |  ${ENI}                   ||
||  PrivateIpAddress   |  10.0.1.10                              ||
||  SubnetId           |  subnet-0d1e2f3a4b5c6d7e8               ||
||  VpcId              |  vpc-0a1b2c3d4e5f60718                  ||
|+---------------------+-----------------------------------------+|`;
    expectClientSide(paste(`${table}\nflow log:`));
  });

  it('describe-network-interfaces --output text makes it the client ENI', () => {
    const text = [
      `$ aws ec2 describe-network-interfaces --network-interface-ids ${ENI} --output text`,
      `NETWORKINTERFACES\teu-west-1a\t\tinterface\t06:1f:3a:5c:7e:91\t${ENI}\t123456789010\tip-10-0-1-10.eu-west-1.compute.internal\t10.0.1.10\tFalse\tTrue\tin-use\tsubnet-0d1e2f3a4b5c6d7e8\tvpc-0a1b2c3d4e5f60718`,
      'ATTACHMENT\t2026-11-20T09:12:44+00:00\teni-attach-0a1b2c3d4e5f60718\tTrue\t0\ti-0f1e2d3c4b5a69788\t123456789010\tattached',
      'GROUPS\tsg-0b1c2d3e4f5a6b7c8\tapp-sg',
      'PRIVATEIPADDRESSES\tTrue\tip-10-0-1-10.eu-west-1.compute.internal\t10.0.1.10',
    ].join('\n');
    expectClientSide(paste(text));
  });

  it('"from the client box 10.0.1.10\'s ENI" makes it the client ENI', () => {
    expectClientSide(paste("ping to the db box times out. these are from the client box 10.0.1.10's ENI:"));
  });

  it('"logs are from the web server (10.0.1.10)" makes it the client ENI', () => {
    expectClientSide(
      paste("web can't ping the db since this morning. logs are from the web server (10.0.1.10):"),
    );
  });

  it('"the ENI of 10.0.1.10" makes it the client ENI', () => {
    expectClientSide(paste('vpc flow logs, the ENI of 10.0.1.10, pinging the db:'));
  });

  it('"eni-… is the bastion," then the address on the next short line makes it the client ENI', () => {
    expectClientSide(
      paste(`ping from the bastion to the db fails.\n${ENI} is the bastion,\n10.0.1.10\nrecords:`),
    );
  });

  it('JSON for a different ENI leaves it unresolved', () => {
    expectUnresolved(
      paste(`the db's interface:\n${describeEni('eni-09f8e7d6c5b4a3921', '10.0.2.20')}\nflow log:`),
    );
  });

  it('JSON for the ENI that lists both addresses leaves it unresolved', () => {
    expectUnresolved(paste(`eni:\n${describeEni(ENI, '10.0.1.10', '10.0.2.20')}\nflow log:`));
  });

  it('text naming both addresses leaves it unresolved', () => {
    expectUnresolved(paste('logs are from the web server 10.0.1.10 pinging the db 10.0.2.20:'));
  });

  it('"the logs on the server show REJECT for 10.0.1.10" names the peer, not the source, and leaves it unresolved', () => {
    expectUnresolved(paste('the logs on the server show REJECT for 10.0.1.10:'));
  });

  it('an ENI line and an address line that are not adjacent leave it unresolved', () => {
    expectUnresolved(
      paste(
        `${ENI} is on the bastion.\nping from the bastion fails, the db is at\n10.0.1.10 and 10.0.2.20 both in the vpc`,
      ),
    );
  });

  it('broken JSON in the paste does not throw and leaves it unresolved', () => {
    expectUnresolved(
      paste(
        `\`\`\`\n{\n  "NetworkInterfaces": [\n    { "NetworkInterfaceId": "${ENI}", "PrivateIpAddress": \n\`\`\`\nflow logs:`,
      ),
    );
  });
});
