/** "12 lines" / "1 line": how much was pasted, for the verdict's "Input:" note. */
export function describePaste(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '').length;
  return `${lines.toLocaleString('en-US')} line${lines === 1 ? '' : 's'}`;
}
