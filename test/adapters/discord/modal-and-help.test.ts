import { afterEach, describe, expect, it } from 'vitest';
import { gatewayHarness } from './harness.js';
import { modalSubmit, slashDiagnose, slashHelp } from './payloads.js';

let h: Awaited<ReturnType<typeof gatewayHarness>>;
afterEach(async () => h?.close());

describe('/diagnose with no options', () => {
  it('opens a form with one paragraph input of up to 4000 characters', async () => {
    h = await gatewayHarness();
    await h.send(slashDiagnose());
    expect(h.api.calls).toHaveLength(1);
    const { type, data } = h.api.calls[0]!.body;
    expect(type).toBe(9);
    expect(data.custom_id).toBe('vpcdiag:diagnose');
    expect(data.title.length).toBeLessThanOrEqual(45);
    const label = data.components[0];
    expect(label.type).toBe(18);
    expect(label.label.length).toBeLessThanOrEqual(45);
    expect(label.component).toMatchObject({ type: 4, style: 2, max_length: 4000, custom_id: 'text' });
    expect(label.component.placeholder.length).toBeLessThanOrEqual(100);
  });

  it('an empty text option counts as no option', async () => {
    h = await gatewayHarness();
    await h.send(slashDiagnose({ text: '   ' }));
    expect(h.api.calls[0]!.body.type).toBe(9);
  });

  it('the submitted form is diagnosed like a paste: deferral, verdict, and what was read', async () => {
    h = await gatewayHarness();
    const text = [
      '2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.2.17 10.40.9.200 55812 5432 6 5 300 1721312000 1721312060 ACCEPT OK',
      '2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.9.200 10.40.2.17 5432 55812 6 5 284 1721312000 1721312060 REJECT OK',
    ].join('\n');
    const payload = modalSubmit(text);
    await h.send(payload);
    expect(h.api.calls[0]!.path).toBe(`/interactions/${payload.id}/${payload.token}/callback`);
    expect(h.api.calls[0]!.body).toEqual({ type: 5, data: {} });
    const verdict = h.api.calls[1]!.body.embeds[0];
    expect(verdict.description).toContain('Read 2 flow-log records (1 ACCEPT, 1 REJECT)');
    expect(verdict.description).toContain('the form (lines 1–2)');
  });

  it('records typed on one line (no newlines in older clients) are read as separate records', async () => {
    h = await gatewayHarness();
    const oneLine =
      '2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.2.17 10.40.9.200 55812 5432 6 5 300 1721312000 1721312060 ACCEPT OK 2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.9.200 10.40.2.17 5432 55812 6 5 284 1721312000 1721312060 REJECT OK';
    await h.send(slashDiagnose({ text: oneLine }));
    expect(h.api.calls[1]!.body.embeds[0].description).toContain('Read 2 flow-log records');
  });
});

describe('/diagnose-help', () => {
  it('answers privately with what can be pasted and short examples, within limits', async () => {
    h = await gatewayHarness();
    await h.send(slashHelp());
    const { type, data } = h.api.calls[0]!.body;
    expect(type).toBe(4);
    expect(data.flags).toBe(1 << 6);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const d = data.embeds[0].description as string;
    expect(d.length).toBeLessThanOrEqual(4096);
    expect(d).toContain('/diagnose text:');
    expect(d).toContain('/diagnose file:');
    expect(d).toContain('Apps');
    expect(d).toMatch(/```\n2 \d{12} eni-/);
  });
});
