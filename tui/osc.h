/* SPDX-License-Identifier: MIT */
/*
 * osc.h: the two operating system commands dcinet writes to the terminal
 * itself, outside curses: OSC 52 (put text on the clipboard, which
 * travels through SSH, and through tmux with set-clipboard on) and OSC 8
 * (a hyperlink over text already on the screen).
 *
 * They are built here only, from text that has been through
 * text_sanitize() and, for links, validated to a plain telephone number
 * or address: nothing from the data reaches the terminal as a sequence.
 */
#ifndef DCINET_TUI_OSC_H
#define DCINET_TUI_OSC_H

#include <stddef.h>

/* "ESC ] 52 ; c ; <base64 of text> BEL", allocated; NULL when out of
 * memory.  text is sent as it is: sanitise it first. */
char *osc52_copy(const char *text);

/* Base64 (RFC 4648, with padding) of n bytes of src into dst, which holds
 * at least 4 * ((n + 2) / 3) + 1 bytes; returns the length written. */
size_t osc_base64(char *dst, const unsigned char *src, size_t n);

/* "tel:+27124251740" for a phone number in international form: a leading
 * "+", then 3 to 20 digits among spaces and the separators "-", ".", "(",
 * ")".  The digits are kept, but for a trunk "(0)" ("+44 (0) 20 ...",
 * which is not dialled from abroad).  A number with no "+" has no link:
 * a tel: URI without one needs a phone-context the data does not give
 * (RFC 3966).  Returns 0, or -1 (buf is then "") for anything else. */
int osc_tel_uri(const char *phone, char *buf, size_t n);

/* "mailto:local@domain" for a plain address: the local part of letters,
 * digits and ". _ % + -", the domain of two or more dot-separated labels
 * of letters, digits and "-".  Returns 0, or -1 (buf is then ""). */
int osc_mailto_uri(const char *email, char *buf, size_t n);

/* The sequences that open a link to uri and close it. */
#define OSC8_OPEN_FMT "\033]8;;%s\033\\"
#define OSC8_CLOSE "\033]8;;\033\\"

#endif
