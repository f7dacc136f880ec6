/* SPDX-License-Identifier: ISC */
/*
 * FNV-1a, 64 bits.
 */
#include "config.h"

#include "util/hash.h"

uint64_t
hash_fnv1a(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

char *
hash_hex(uint64_t h, char *out)
{
	static const char digits[] = "0123456789abcdef";
	int i;

	for (i = 15; i >= 0; i--) {
		out[i] = digits[h & 0xF];
		h >>= 4;
	}
	out[16] = '\0';
	return out;
}
