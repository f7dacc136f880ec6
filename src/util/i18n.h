/* SPDX-License-Identifier: ISC */
/*
 * Translation markers. _() translates a user-facing string now; N_() marks
 * one in a static table, to be translated with _() where it is used.
 */
#ifndef TIDINGS_UTIL_I18N_H
#define TIDINGS_UTIL_I18N_H

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
