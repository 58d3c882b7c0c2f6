import { INPUT_LIMITS, MODAL } from './command-names.js';
import type { DiscordModal } from './interaction.js';

/**
 * The form `/diagnose` opens when it is given nothing: one paragraph input in a Label (component 18;
 * discord-api-docs, components/reference). Titles: 45 characters at most; placeholder: 100.
 */
export function diagnoseModal(): DiscordModal {
  return {
    custom_id: MODAL.customId,
    title: 'Diagnose VPC connectivity',
    components: [
      {
        type: 18,
        label: 'Flow logs, describe-* output or a story',
        description:
          'Up to 4,000 characters. For bigger inputs: /diagnose file: with a .log, .txt or .gz file.',
        component: {
          type: 4,
          custom_id: MODAL.textInput,
          style: 2,
          min_length: 1,
          max_length: INPUT_LIMITS.modalText,
          required: true,
          placeholder: '2 123456789012 eni-0a1b2c3d 10.0.1.5 10.0.2.9 49152 443 6 3 180 … REJECT OK',
        },
      },
    ],
  };
}
