/**
 * The terminal escape sequences `plan` writes itself: colours for the reporters and the diff,
 * and the codes that rewrite a progress line or clear the screen in watch mode. Whether a
 * stream gets them is the caller's choice (`useColour`).
 */

/** Text in a colour or weight, and back to normal after it: SGR `open` … `close`. */
const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const red = sgr(31, 39);
export const green = sgr(32, 39);
export const yellow = sgr(33, 39);
export const cyan = sgr(36, 39);
export const bold = sgr(1, 22);
export const dim = sgr(2, 22);

/** Back to the start of the line and erase it: a progress line written anew. */
export const CLEAR_LINE = "\r\u001b[K";
/** Erase the screen and its scrollback, cursor to the top: watch mode's fresh page. */
export const CLEAR_SCREEN = "\u001b[2J\u001b[3J\u001b[H";
