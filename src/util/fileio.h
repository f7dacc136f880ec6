/* SPDX-License-Identifier: ISC */
/*
 * Whole-file reading, and atomic replacement: a file is written to a new
 * temporary file in the same folder, flushed to the disk, then renamed over
 * the old one, and the folder is flushed too. A crash or a failed write at
 * any moment leaves either the old file or the new one, never a mix; on
 * any error the old file is left as it was and the temporary file removed.
 */
#ifndef TIDINGS_UTIL_FILEIO_H
#define TIDINGS_UTIL_FILEIO_H

#include <stddef.h>

#include "util/strbuf.h"

/* Writes the new contents to fd; 0, or -1 with the reason in err. */
typedef int (*file_write_cb)(int fd, void *arg, struct strbuf *err);

/*
 * Replace path atomically with what cb writes to a temporary file (mode
 * 0600). Returns 0, or -1 with the reason in err.
 */
int file_replace_with(const char *path, file_write_cb cb, void *arg,
    struct strbuf *err);

enum file_flags {
	FILE_NO_FOLDER_SYNC = 1 << 0,	/* the caller flushes the folder */
};

/*
 * file_replace_with() with flags: with FILE_NO_FOLDER_SYNC the rename is
 * not flushed, and a crash may leave the old file; the caller flushes
 * the folder later with file_sync_parent(), once for many files.
 */
int file_replace_flags(const char *path, file_write_cb cb, void *arg,
    unsigned flags, struct strbuf *err);

/* Flush the folder that holds path; 0, or -1 with the reason in err. */
int file_sync_parent(const char *path, struct strbuf *err);

/* Replace path atomically with the len bytes at data. */
int file_replace(const char *path, const void *data, size_t len,
    struct strbuf *err);

/* Write all len bytes to fd, retrying short writes; 0 or -1 (errno set). */
int file_write_all(int fd, const void *data, size_t len);

/*
 * Append the contents of path to sb (up to its cap). Returns 0, or -1 with
 * the reason in err (and errno set).
 */
int file_read(const char *path, struct strbuf *sb, struct strbuf *err);

#endif
