// Text as people write it. Names and comments are shown on public pages, put into
// emails and exported to spreadsheets, so what is stored is normalised (NFC, one kind
// of line break) and carries nothing a person cannot see or type: no control codes or
// terminal escapes, no text-direction overrides that reorder a page, no invisible-only
// names, no broken UTF-16. Pure functions, so schemas and tests share them.

// C0 and C1 controls and DEL. Whitespace controls (tab, line breaks) are handled apart.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
// Explicit bidirectional embeddings, overrides and isolates: they reorder the text
// around them (a name that reads backwards, a comment that flips the page).
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
// Invisible format characters dropped silently: zero-width space, word joiner and the
// invisible operators, BOM, soft hyphen, direction marks, Mongolian vowel separator, tag
// characters (which can hide a whole text). ZWJ and ZWNJ stay: Persian, Indic scripts and
// emoji sequences need them.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u2060-\u2064\u206a-\u206f\ufeff\u{e0000}-\u{e007f}]/gu;
// Letters that render as nothing (Hangul fillers, braille blank): not enough to be a name.
const BLANK_LETTERS = /[\u115f\u1160\u3164\uffa0\u2800]/gu;

/**
 * True if the text carries something no person types and that is refused rather than
 * dropped: broken UTF-16 (a lone surrogate), control codes (terminal escapes start with
 * one), or text-direction overrides. Tabs and line breaks are whitespace, folded below.
 */
export function hasForbiddenCharacters(raw: string): boolean {
  return !raw.isWellFormed() || CONTROL.test(raw) || BIDI_CONTROL.test(raw);
}

/** A name: NFC, invisible format characters dropped, every run of whitespace one space. */
export function normaliseName(raw: string): string {
  // Dropped before NFC, so a mark that followed an invisible character still composes.
  return raw.replace(INVISIBLE, "").replace(/\s+/gu, " ").normalize("NFC").trim();
}

/**
 * A comment: NFC, invisible format characters dropped, line breaks as "\n" (at most one
 * blank line in a row), tabs as spaces, no spaces at the ends of lines or of the text.
 */
export function normaliseComment(raw: string): string {
  return raw
    .replace(INVISIBLE, "")
    .replace(/\r\n?|[\u2028\u2029]/gu, "\n")
    .replace(/\t/g, " ")
    .replace(/[^\S\n]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .normalize("NFC")
    .trim();
}

/** True if the text has something a reader can see (a letter, digit, symbol or mark). */
export function hasVisibleText(text: string): boolean {
  return /[\p{L}\p{N}\p{S}\p{P}]/u.test(text.replace(BLANK_LETTERS, ""));
}

/** True if the text has a letter, not counting letters that render as nothing. */
export function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text.replace(BLANK_LETTERS, ""));
}
