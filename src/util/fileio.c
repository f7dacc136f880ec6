/* SPDX-License-Identifier: ISC */
/*
 * Reading whole files and replacing them atomically.
 */
#include "config.h"

#include "util/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/xmalloc.h"

int
file_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Flush the folder holding path, so that a rename in it is on the disk. */
int
file_sync_parent(const char *path, struct strbuf *err)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".") :
	    xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
	int fd, rc = -1;

	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0 && fsync(fd) == 0)
		rc = 0;
	if (rc != 0)
		strbuf_addf(err, _("cannot flush folder '%s': %s"), dir,
		    strerror(errno));
	if (fd >= 0)
		close(fd);
	free(dir);
	return rc;
}

/* A new temporary file beside path; its name goes to *tmp. */
static int
open_temp(const char *path, char **tmp, struct strbuf *err)
{
	const char *slash = strrchr(path, '/');
	int dirlen = slash == NULL ? 0 : (int)(slash - path + 1);
	int fd;

	*tmp = xasprintf("%.*s.%s.XXXXXX", dirlen, path,
	    slash == NULL ? path : slash + 1);
	fd = mkstemp(*tmp);
	if (fd < 0) {
		strbuf_addf(err, _("cannot create a file beside '%s': %s"),
		    path, strerror(errno));
		free(*tmp);
		*tmp = NULL;
	}
	return fd;
}

int
file_replace_with(const char *path, file_write_cb cb, void *arg,
    struct strbuf *err)
{
	return file_replace_flags(path, cb, arg, 0, err);
}

int
file_replace_flags(const char *path, file_write_cb cb, void *arg,
    unsigned flags, struct strbuf *err)
{
	char *tmp;
	int fd, rc = -1;

	fd = open_temp(path, &tmp, err);
	if (fd < 0)
		return -1;
	if (cb(fd, arg, err) == -1)
		goto out;
	if (fsync(fd) != 0) {
		strbuf_addf(err, _("cannot write '%s': %s"), tmp,
		    strerror(errno));
		goto out;
	}
	rc = close(fd);
	fd = -1;
	if (rc != 0) {
		strbuf_addf(err, _("cannot write '%s': %s"), tmp,
		    strerror(errno));
		goto out;
	}
	if (rename(tmp, path) != 0) {
		rc = -1;
		strbuf_addf(err, _("cannot rename '%s' to '%s': %s"), tmp,
		    path, strerror(errno));
		goto out;
	}
	/* the new file is in place now, flushed or not */
	if (!(flags & FILE_NO_FOLDER_SYNC))
		rc = file_sync_parent(path, err) == 0 ? 0 : -2;
out:
	if (fd >= 0)
		close(fd);
	if (rc == -1)
		unlink(tmp);
	free(tmp);
	return rc;
}

struct bytes {
	const char	*path;
	const void	*data;
	size_t		 len;
};

static int
write_bytes(int fd, void *arg, struct strbuf *err)
{
	struct bytes *b = arg;

	if (file_write_all(fd, b->data, b->len) == 0)
		return 0;
	strbuf_addf(err, _("cannot write '%s': %s"), b->path,
	    strerror(errno));
	return -1;
}

int
file_replace(const char *path, const void *data, size_t len,
    struct strbuf *err)
{
	struct bytes b = { path, data, len };

	return file_replace_with(path, write_bytes, &b, err);
}

/*
 * Bytes to read next into sb: what it has room for already, at least
 * 8 KiB; less near the cap, 0 at it.
 */
static size_t
read_room(const struct strbuf *sb)
{
	size_t room = 8192;

	if (sb->alloc > sb->len + 1 && sb->alloc - sb->len - 1 > room)
		room = sb->alloc - sb->len - 1;

	if (sb->cap && sb->cap - sb->len < room)
		room = sb->cap - sb->len;
	return room;
}

/* Read fd to its end into sb; 0, or -1 with errno (EFBIG past the cap). */
static int
read_all(int fd, struct strbuf *sb)
{
	size_t room;
	ssize_t n;
	char probe;

	for (;;) {
		room = read_room(sb);
		if (room == 0) {
			n = read(fd, &probe, 1);
			if (n > 0)
				errno = EFBIG;
		} else {
			strbuf_grow(sb, room);
			n = read(fd, sb->buf + sb->len, room);
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0)
			return 0;
		if (n < 0 || room == 0)
			return -1;
		strbuf_setlen(sb, sb->len + (size_t)n);
	}
}

int
file_read(const char *path, struct strbuf *sb, struct strbuf *err)
{
	struct stat st;
	int fd, rc = -1, saved;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		/* a file's size known, it is read in one go (and no copies;
		 * the room of the last read, that finds the end, too) */
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    (sb->cap == 0 || (uintmax_t)st.st_size + 8192 <= sb->cap))
			strbuf_grow(sb, (size_t)st.st_size + 8192);
		rc = read_all(fd, sb);
		saved = errno;
		close(fd);
		errno = saved;
	}
	if (rc != 0) {
		saved = errno;
		strbuf_addf(err, _("cannot read '%s': %s"), path,
		    saved == EFBIG ? _("file too large") : strerror(saved));
		errno = saved;
	}
	return rc;
}
