/** Names shared by the command definitions (commands/discord-commands.json) and the handlers. */
export const COMMANDS = {
  diagnose: 'diagnose',
  diagnoseMessage: 'Diagnose',
  help: 'diagnose-help',
} as const;

/** The `/diagnose` options. */
export const OPTIONS = { text: 'text', file: 'file' } as const;

/** The modal `/diagnose` opens when it is given nothing, and its one text input. */
export const MODAL = { customId: 'vpcdiag:diagnose', textInput: 'text' } as const;

/** Discord's caps on what users can type: a STRING option (6000), a paragraph text input (4000). */
export const INPUT_LIMITS = { text: 6000, modalText: 4000 } as const;
