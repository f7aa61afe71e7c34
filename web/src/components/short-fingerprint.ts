// The election fingerprint in a short form people can read aloud to compare two screens (issue 7 §1).

/**
 * The first 8 bytes of the fingerprint F in four groups of four hex digits ("3f9a-02c1-77de-b410"),
 * as the tracker is shown (spec §7.3); the full F stays in the record. Anything not 64 hex digits is
 * shown as it came, so a wrong value is visible rather than hidden.
 */
export function shortFingerprint(hex: string): string {
  if (!/^[0-9a-f]{64}$/.test(hex)) return hex;
  return [0, 4, 8, 12].map((k) => hex.slice(k, k + 4)).join('-');
}
