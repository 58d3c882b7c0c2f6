/** vpcdiag's exit codes (documented in the README). */
export const EXIT = {
  /** done; no finding at or above --fail-on */
  ok: 0,
  /** diagnose: a finding at or above --fail-on (default: error) */
  findings: 1,
  /** bad command line */
  usage: 2,
  /** the input could not be opened or read */
  input: 3,
  /** a bug in vpcdiag */
  internal: 4,
} as const;
