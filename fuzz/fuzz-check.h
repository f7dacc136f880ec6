/* SPDX-License-Identifier: ISC */
/*
 * What the fuzz targets check of every string tidings hands on: one
 * place for the rule, so that every target means the same by "clean".
 */
#ifndef TIDINGS_FUZZ_CHECK_H
#define TIDINGS_FUZZ_CHECK_H

/* Stop with "fuzz: what: s" on stderr, for the crash report. */
void fuzz_fail(const char *what, const char *s)
    __attribute__((noreturn));

/*
 * s is NULL or clean: well-formed UTF-8 without C0 or C1 controls, DEL
 * or bidi controls, but new lines and tabs when text is not 0.
 */
void fuzz_check_str(const char *what, const char *s, int text);

#endif
