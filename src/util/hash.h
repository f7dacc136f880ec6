/* SPDX-License-Identifier: ISC */
/*
 * A 64-bit FNV-1a hash, for names that must not come from feed text: the
 * file of a feed, the key of an item.
 */
#ifndef TIDINGS_UTIL_HASH_H
#define TIDINGS_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_HEX_SIZE	17	/* 16 hex digits and a NUL */

/* The FNV-1a hash of the len bytes at data, continuing from h. */
uint64_t hash_fnv1a(uint64_t h, const void *data, size_t len);

/* The hash that starts every FNV-1a chain. */
#define HASH_FNV1A_INIT	UINT64_C(0xcbf29ce484222325)

/* Write h as 16 lower-case hex digits into out; returns out. */
char *hash_hex(uint64_t h, char *out);

#endif
