import { z } from 'zod';

export const DIAGNOSE_MODAL_ID = 'diagnose_modal';
export const PASTE_BLOCK = 'paste';
export const PASTE_ACTION = 'text';
/** Slack's cap for a multi-line plain_text_input */
export const MODAL_MAX_CHARS = 3000;

/** Carried through the modal in private_metadata: a view_submission has no channel of its own. */
const metaSchema = z.object({ channel: z.string().min(1), responseUrl: z.string().optional() });
export type ModalMeta = z.infer<typeof metaSchema>;

export function parseModalMeta(raw: string | undefined): ModalMeta | undefined {
  try {
    const r = metaSchema.safeParse(JSON.parse(raw ?? ''));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/** The `/diagnose` form: one multi-line input of up to 3,000 characters. */
export function diagnoseModalView(meta: ModalMeta) {
  return {
    type: 'modal' as const,
    callback_id: DIAGNOSE_MODAL_ID,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text' as const, text: 'Diagnose' },
    submit: { type: 'plain_text' as const, text: 'Diagnose' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      {
        type: 'input' as const,
        block_id: PASTE_BLOCK,
        label: { type: 'plain_text' as const, text: 'Flow-log lines, describe-* output or a description' },
        element: {
          type: 'plain_text_input' as const,
          action_id: PASTE_ACTION,
          multiline: true,
          max_length: MODAL_MAX_CHARS,
          placeholder: {
            type: 'plain_text' as const,
            text: '2 123456789012 eni-0a1b2c3d 10.0.1.5 10.0.2.9 49152 443 6 10 840 1700000000 1700000060 REJECT OK',
          },
        },
        hint: {
          type: 'plain_text' as const,
          text: 'Up to 3,000 characters. For more, attach a .log or .gz file to a message and use the Diagnose shortcut on it.',
        },
      },
    ],
  };
}
