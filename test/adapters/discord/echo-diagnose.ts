import { diagnoseInput } from '../../../src/adapters/discord/diagnose-input.js';
import type { HandlerDeps } from '../../../src/adapters/discord/handle-interaction.js';
import { syntheticFinding, syntheticReport } from '../../helpers/discord-synthetic-report.js';

/**
 * The real input reading and diagnosis, plus findings that quote the input the way the rules quote
 * records and sentences in their evidence: so that the adapter's handling of echoed text is tested
 * even before the rules that produce such findings land.
 */
export function echoingDiagnose(extraFindings = 3): NonNullable<HandlerDeps['diagnose']> {
  return async (input, options) => {
    const real = await diagnoseInput(input, options);
    const quoted = syntheticFinding('INBOUND_REQUEST_REJECTED', { evidence: 0 });
    quoted.title = `Request rejected: ${(input.text ?? '').split('\n')[0]!.slice(0, 80)}`;
    quoted.evidence = (input.text ?? '')
      .split('\n')
      .map((text, i) => ({ kind: 'text' as const, lines: [i + 1], text }));
    const findings = [
      quoted,
      ...['NACL_OUTBOUND_BLOCKS_RESPONSE', 'LOG_SKIPPED_DATA', 'EXPECTED_SCANNER_TRAFFIC_REJECTED']
        .slice(0, extraFindings)
        .map((c) => syntheticFinding(c as 'LOG_SKIPPED_DATA', { evidence: 3 })),
    ];
    return { ...real, report: syntheticReport(findings) };
  };
}
