import type { Nacl, RouteTable, SecurityGroup, Subnet, Vpc, Workload } from '../../model/types.js';

/** What the text has been talking about: the referents of "it", "the subnet", "the route table". */
export class State {
  lastVpc?: Vpc;
  lastSubnet?: Subnet;
  lastTable?: RouteTable;
  /** the table a listing (`rtb-private:` on its own line) is filling */
  listingTable?: RouteTable;
  /** a console route table (Destination / Target / Status columns) is being read */
  routeColumns?: boolean;
  lastSg?: SecurityGroup;
  lastNacl?: Nacl;
  naclDir?: 'in' | 'out';
  sgDir?: 'in' | 'out';
  lastWorkload?: Workload;
  /** the IP of a shell prompt (`[ec2-user@ip-10-31-2-118 ~]$`): where commands ran */
  promptIp?: string;
  /** the region of the message, when it names one */
  region?: string;
  /** "both are default VPCs": applies to every VPC the text names */
  allDefault?: import('../../model/types.js').Source;
  /** ports the text says services listen on ("targets listen on 8080", "health check port 9000") */
  ports: number[] = [];
  /** the destination the text last talked about ("… can reach the shared services", "can't reach the db") */
  lastDestination?: import('../../model/types.js').PlaceRef;
  /** a "<subnet>: routes, <subnet>: routes" line is being read part by part */
  inSegment?: boolean;
  /** a nslookup/dig block being read */
  dns?: { name?: string; answer: boolean; line: number };

  /** a console rule table (header row read) whose rows follow */
  consoleTable?: import('./read-console-tables.js').ConsoleTable;
  /** a TGW route table whose routes are listed on the lines that follow ("… which only has:") */
  tgwListing?: import('../../model/types.js').TgwRouteTable;
  /** the prose line read just before (Terraform blocks take their subject from it: "the db sg:") */
  prevText?: string;
  prevLine?: number;
}
