/* SPDX-License-Identifier: ISC */
/*
 * The store: the data folder, its lock, the index, the journal of marks,
 * and the feed and body files (whose XML is in store-xml.c).
 */
#include "config.h"

#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "store-private.h"
#include "util/fileio.h"
#include "util/hash.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xmalloc.h"

#define JOURNAL_MAX_BYTES	(64u << 20)

/*
 * A journal line "ID - 8" says a save of feed ID began: if the journal
 * still has it at the next start, the save may not have reached the
 * index, and the feed is counted again from its file.
 */
#define SAVING_KEY	"-"
#define SAVING_FLAGS	8u

static void wait_feed(struct store *st, const char *id);

/* dir/name, or dir/sub/ID.xml when id is given. */
static char *
store_path(const struct store *st, const char *sub, const char *id)
{
	if (id == NULL)
		return path_join(st->dir, sub);
	return xasprintf("%s/%s/%s.xml", st->dir, sub, id);
}

char *
store_feed_id(const char *url)
{
	char hex[HASH_HEX_SIZE];

	return xstrdup(hash_hex(hash_fnv1a(HASH_FNV1A_INIT, url,
	    strlen(url)), hex));
}

/* Move a file that cannot be read aside, as PATH.corrupt-TIME. */
static void
move_aside(const char *path, struct strbuf *notes, const struct strbuf *why)
{
	char *aside = NULL;
	struct stat sb;
	int i;

	for (i = 0; i < 100; i++) {
		free(aside);
		aside = i == 0 ? xasprintf("%s.corrupt-%lld", path,
		    (long long)time(NULL)) : xasprintf("%s.corrupt-%lld-%d",
		    path, (long long)time(NULL), i);
		if (lstat(aside, &sb) == -1 && errno == ENOENT)
			break;
	}
	if (rename(path, aside) == 0)
		strbuf_addf(notes, _("%s; moved aside as '%s'\n"), why->buf,
		    aside);
	else
		strbuf_addf(notes, _("%s; cannot move it aside: %s\n"),
		    why->buf, strerror(errno));
	free(aside);
}

struct store_feed_info *
store_index_add(struct store *st)
{
	struct store_feed_info *f;

	if (st->nfeeds == st->alloc) {
		st->alloc = st->alloc ? st->alloc * 2 : 64;
		st->feeds = xreallocarray(st->feeds, st->alloc,
		    sizeof(*st->feeds));
	}
	f = &st->feeds[st->nfeeds++];
	memset(f, 0, sizeof(*f));
	f->fetched = f->retry_after = DATE_UNKNOWN;
	return f;
}

static void
info_release(struct store_feed_info *f)
{
	free(f->id);
	free(f->url);
	free(f->title);
	free(f->error);
	free(f->moved_to);
}

size_t
store_nfeeds(const struct store *st)
{
	return st->nfeeds;
}

const struct store_feed_info *
store_feed_at(const struct store *st, size_t i)
{
	return i < st->nfeeds ? &st->feeds[i] : NULL;
}

static struct store_feed_info *
info_by_id(struct store *st, const char *id)
{
	size_t i;

	for (i = 0; i < st->nfeeds; i++)
		if (strcmp(st->feeds[i].id, id) == 0)
			return &st->feeds[i];
	return NULL;
}

static size_t
url_slot(const struct url_index *ix, const char *url)
{
	return (size_t)hash_fnv1a(HASH_FNV1A_INIT, url, strlen(url)) &
	    (ix->cap - 1);
}

/* Put feeds[i] in the url index, which has room. */
static void
url_insert(struct url_index *ix, const struct store *st, size_t i)
{
	size_t s = url_slot(ix, st->feeds[i].url);

	while (ix->slots[s] != 0)
		s = (s + 1) & (ix->cap - 1);
	ix->slots[s] = i + 1;
}

/* Bring the url index up to the feeds there are now. */
static void
url_index_update(const struct store *st)
{
	struct url_index *ix = st->by_url;

	if (ix->hashed > st->nfeeds || 2 * st->nfeeds >= ix->cap) {
		free(ix->slots);
		ix->cap = 64;
		while (ix->cap <= 2 * st->nfeeds)
			ix->cap *= 2;
		ix->slots = xcalloc(ix->cap, sizeof(*ix->slots));
		ix->hashed = 0;
	}
	for (; ix->hashed < st->nfeeds; ix->hashed++)
		url_insert(ix, st, ix->hashed);
}

const struct store_feed_info *
store_feed_by_url(const struct store *st, const char *url)
{
	const struct url_index *ix = st->by_url;
	size_t s, i;

	url_index_update(st);
	for (s = url_slot(ix, url); ix->slots[s] != 0;
	    s = (s + 1) & (ix->cap - 1)) {
		i = ix->slots[s] - 1;
		if (strcmp(st->feeds[i].url, url) == 0)
			return &st->feeds[i];
	}
	return NULL;
}

/* The index entry for url, made when there is none. */
static struct store_feed_info *
info_for(struct store *st, const char *url)
{
	struct store_feed_info *f =
	    (struct store_feed_info *)store_feed_by_url(st, url);

	if (f == NULL) {
		f = store_index_add(st);
		f->id = store_feed_id(url);
		f->url = xstrdup(url);
		st->index_dirty = 1;
	}
	return f;
}

void
store_set_fetched(struct store *st, const char *url, int64_t when,
    const char *error)
{
	struct store_feed_info *f = info_for(st, url);

	f->fetched = when;
	free(f->error);
	f->error = error != NULL && error[0] != '\0' ? xstrdup(error) : NULL;
	st->index_dirty = 1;
}

void
store_set_backoff(struct store *st, const char *url, unsigned failures,
    int64_t retry_after, int gone)
{
	struct store_feed_info *f = info_for(st, url);

	f->failures = failures;
	f->retry_after = retry_after;
	f->gone = gone != 0;
	st->index_dirty = 1;
}

/* Whether a and b are both NULL or the same string. */
static int
same_string(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

void
store_set_moved(struct store *st, const char *url, const char *moved_to)
{
	struct store_feed_info *f = info_for(st, url);

	if (moved_to != NULL && moved_to[0] == '\0')
		moved_to = NULL;
	if (same_string(moved_to, f->moved_to))
		return;		/* as it was: the index need not be saved */
	free(f->moved_to);
	f->moved_to = moved_to != NULL ? xstrdup(moved_to) : NULL;
	f->discovered = 0;
	st->index_dirty = 1;
}

void
store_set_discovered(struct store *st, const char *url,
    const char *feed_url)
{
	struct store_feed_info *f = info_for(st, url);

	if (feed_url != NULL && feed_url[0] == '\0')
		feed_url = NULL;
	if (same_string(feed_url, f->moved_to) &&
	    f->discovered == (feed_url != NULL))
		return;
	free(f->moved_to);
	f->moved_to = feed_url != NULL ? xstrdup(feed_url) : NULL;
	f->discovered = feed_url != NULL;
	st->index_dirty = 1;
}

/* Add (sign 1) or take away (-1) an item of these flags in f's counts. */
static void
count_flags(struct store_feed_info *f, unsigned flags, int sign)
{
	if (flags & ITEM_DELETED)
		return;
	f->total += (unsigned)sign;
	f->unread += (flags & ITEM_UNREAD) ? (unsigned)sign : 0;
	f->flagged += (flags & ITEM_FLAGGED) ? (unsigned)sign : 0;
}

/* Count the items of feed into its index entry. */
static void
count_items(struct store_feed_info *f, const struct store_feed *feed)
{
	size_t i;

	f->total = f->unread = f->flagged = 0;
	for (i = 0; i < feed->nitems; i++)
		count_flags(f, feed->items[i].flags, 1);
}

/* The place of the mark of item key of feed id in st->marks, or -1. */
static ssize_t
mark_index(const struct store *st, const char *id, const char *key)
{
	size_t i;

	for (i = 0; i < st->nmarks; i++)
		if (strcmp(st->marks[i].id, id) == 0 &&
		    strcmp(st->marks[i].key, key) == 0)
			return (ssize_t)i;
	return -1;
}

static int
has_mark(const struct store *st, const char *id, const char *key)
{
	return mark_index(st, id, key) != -1;
}

/* Forget the mark of item key of feed id. */
static void
marks_drop(struct store *st, const char *id, const char *key)
{
	ssize_t i = mark_index(st, id, key);

	if (i == -1)
		return;
	free(st->marks[i].key);
	st->marks[i] = st->marks[--st->nmarks];
}

/* Keep a mark in memory, replacing an older one for the same item. */
static void
marks_put(struct store *st, const char *id, const char *key, unsigned flags)
{
	struct store_mark *m;
	ssize_t i = mark_index(st, id, key);

	if (i != -1) {
		st->marks[i].flags = flags;
		return;
	}
	if (st->nmarks == st->marks_alloc) {
		st->marks_alloc = st->marks_alloc ? st->marks_alloc * 2 : 64;
		st->marks = xreallocarray(st->marks, st->marks_alloc,
		    sizeof(*st->marks));
	}
	m = &st->marks[st->nmarks++];
	snprintf(m->id, sizeof(m->id), "%s", id);
	m->key = xstrdup(key);
	m->flags = flags;
}

/* Read one journal line "ID KEY FLAGS"; 0, or -1 when it is not one. */
static int
journal_line(struct store *st, char *line)
{
	char *key, *flags, *end;
	unsigned long v;

	key = strchr(line, ' ');
	if (key == NULL || key - line != HASH_HEX_SIZE - 1 ||
	    strspn(line, "0123456789abcdef") != HASH_HEX_SIZE - 1)
		return -1;	/* not an id: never a path to follow */
	*key++ = '\0';
	flags = strchr(key, ' ');
	if (flags == NULL || flags == key || flags - key > 64)
		return -1;
	*flags++ = '\0';
	v = strtoul(flags, &end, 10);
	if (*end != '\0' || end == flags || v > SAVING_FLAGS)
		return -1;
	marks_put(st, line, key, (unsigned)v);
	return 0;
}

/* Read marks.log; a last line cut short by a crash is left out. */
static int
journal_load(struct store *st, struct strbuf *notes, struct strbuf *err)
{
	struct strbuf text;
	char *path = store_path(st, "marks.log", NULL), *p, *nl;
	int rc = 0, bad = 0;

	strbuf_init_capped(&text, JOURNAL_MAX_BYTES);
	if (file_read(path, &text, err) == -1) {
		rc = errno == ENOENT ? 0 : -1;
		if (rc == 0)
			strbuf_reset(err);
	}
	for (p = text.buf; rc == 0 && (nl = memchr(p, '\n',
	    text.len - (size_t)(p - text.buf))) != NULL; p = nl + 1) {
		*nl = '\0';
		bad += journal_line(st, p) == -1;
	}
	/* a last line cut short by a crash: cut it off, or the next mark
	 * would be appended to it and lost */
	if (rc == 0 && p != text.buf + text.len && st->journal_fd >= 0 &&
	    ftruncate(st->journal_fd, (off_t)(p - text.buf)) == -1)
		strbuf_addf(notes, _("cannot mend '%s': %s\n"), path,
		    strerror(errno));
	if (bad > 0)
		strbuf_addf(notes, _("'%s': %d unreadable lines left out\n"),
		    path, bad);
	strbuf_release(&text);
	free(path);
	return rc;
}

/*
 * Open the file path of the store with flags (and O_CREAT, mode 0600),
 * never through a symbolic link and never anything but a regular file:
 * what stands in its place (a link, a folder, a pipe) is moved aside,
 * noted in notes (when not NULL), and a new file made. Returns the descriptor, or -1
 * with errno set.
 */
static int
open_regular(const char *path, int flags, struct strbuf *notes)
{
	struct strbuf why = STRBUF_INIT, unsaid = STRBUF_INIT;
	struct stat sb;
	int fd, tries, saved;

	if (notes == NULL)
		notes = &unsaid;
	for (tries = 0; tries < 2; tries++) {
		fd = open(path, flags | O_CREAT | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC, 0600);
		if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode))
			break;
		saved = fd >= 0 ? EISDIR : errno;
		if (fd >= 0)
			close(fd);
		fd = -1;
		errno = saved;
		if (tries > 0 || lstat(path, &sb) == -1 || S_ISREG(sb.st_mode))
			break;
		strbuf_reset(&why);
		strbuf_addf(&why, _("'%s' is not a file"), path);
		move_aside(path, notes, &why);
	}
	strbuf_release(&why);
	strbuf_release(&unsaid);
	if (fd >= 0)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

static int
journal_open(struct store *st, struct strbuf *notes, struct strbuf *err)
{
	char *path = store_path(st, "marks.log", NULL);

	if (st->journal_fd >= 0)
		close(st->journal_fd);
	st->journal_fd = open_regular(path, O_WRONLY | O_APPEND, notes);
	if (st->journal_fd < 0)
		strbuf_addf(err, _("cannot open '%s': %s"), path,
		    strerror(errno));
	free(path);
	return st->journal_fd < 0 ? -1 : 0;
}

/*
 * Forget the marks of feed id in memory (but its save marker when
 * keep_saving); returns how many went.
 */
static size_t
marks_forget(struct store *st, const char *id, int keep_saving)
{
	size_t i, kept = 0, n = st->nmarks;

	for (i = 0; i < n; i++) {
		if (strcmp(st->marks[i].id, id) == 0 && (!keep_saving ||
		    strcmp(st->marks[i].key, SAVING_KEY) != 0)) {
			free(st->marks[i].key);
			continue;
		}
		st->marks[kept++] = st->marks[i];
	}
	st->nmarks = kept;
	return n - kept;
}

/* Rewrite the journal with the marks in memory. */
static int
journal_rewrite(struct store *st, struct strbuf *err)
{
	struct strbuf text = STRBUF_INIT;
	char *path;
	size_t i;
	int rc;

	for (i = 0; i < st->nmarks; i++)
		strbuf_addf(&text, "%s %s %u\n", st->marks[i].id,
		    st->marks[i].key, st->marks[i].flags);
	path = store_path(st, "marks.log", NULL);
	/* once replaced (-2: its folder not flushed), append to the new one */
	rc = file_replace(path, text.buf, text.len, err);
	if (rc != -1 && journal_open(st, NULL, err) == -1)
		rc = -1;
	free(path);
	strbuf_release(&text);
	return rc == 0 ? 0 : -1;
}

/* Rewrite the journal without the marks of feed id, now in its file. */
static int
journal_fold(struct store *st, const char *id, struct strbuf *err)
{
	if (marks_forget(st, id, 0) == 0)
		return 0;
	return journal_rewrite(st, err);
}

static void
apply_marks(const struct store *st, struct store_feed *feed)
{
	size_t i, j;

	for (i = 0; i < st->nmarks; i++) {
		if (strcmp(st->marks[i].id, feed->id) != 0)
			continue;
		for (j = 0; j < feed->nitems; j++)
			if (strcmp(feed->items[j].key, st->marks[i].key) == 0)
				feed->items[j].flags = st->marks[i].flags;
	}
}

/*
 * Append "ID KEY FLAGS" to the journal and flush it; on failure the line
 * is taken back, since half a line would swallow the next one.
 */
static int
journal_append(struct store *st, const char *id, const char *key,
    unsigned flags, struct strbuf *err)
{
	char line[HASH_HEX_SIZE + 80];
	off_t end;
	int n, saved;

	n = snprintf(line, sizeof(line), "%s %s %u\n", id, key, flags);
	if (n < 0 || (size_t)n >= sizeof(line) || strchr(key, ' ') ||
	    strchr(key, '\n'))
		BUG("bad item key '%s'", key);
	end = lseek(st->journal_fd, 0, SEEK_END);
	if (end != -1 &&
	    file_write_all(st->journal_fd, line, (size_t)n) == 0 &&
	    fdatasync(st->journal_fd) == 0)
		return 0;
	saved = errno;
	if (end != -1 && ftruncate(st->journal_fd, end) == 0)
		fdatasync(st->journal_fd);
	strbuf_addf(err, _("cannot save the mark in '%s/marks.log': %s"),
	    st->dir, strerror(saved));
	return -1;
}

int
store_mark(struct store *st, const char *id, const char *key,
    unsigned old_flags, unsigned flags, struct strbuf *err)
{
	struct store_feed_info *f;

	if (st->read_only) {
		strbuf_addf(err, _("the store in '%s' is open read-only"),
		    st->dir);
		return -1;
	}
	wait_feed(st, id);	/* its marks are in its file once saved */
	f = info_by_id(st, id);
	if (journal_append(st, id, key, flags, err) == -1)
		return -1;
	marks_put(st, id, key, flags);
	if (f != NULL) {
		count_flags(f, old_flags, -1);
		count_flags(f, flags, 1);
		st->index_dirty = 1;
	}
	return 0;
}

void
store_item_release(struct store_item *it)
{
	free(it->key);
	free(it->guid);
	free(it->title);
	free(it->link);
	free(it->author);
	enclosures_free(it->enclosures, it->nenclosures);
	memset(it, 0, sizeof(*it));
}

void
store_feed_release(struct store_feed *feed)
{
	size_t i;

	for (i = 0; i < feed->nitems; i++)
		store_item_release(&feed->items[i]);
	free(feed->items);
	free(feed->id);
	free(feed->url);
	free(feed->title);
	free(feed->link);
	free(feed->etag);
	free(feed->last_modified);
	memset(feed, 0, sizeof(*feed));
}

void
store_bodies_release(struct store_bodies *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		free(b->v[i].key);
		free(b->v[i].summary);
		free(b->v[i].content);
		free(b->v[i].full_text);
	}
	free(b->v);
	memset(b, 0, sizeof(*b));
}

struct store_item *
store_feed_add_item(struct store_feed *feed)
{
	struct store_item *it;

	if (feed->nitems == feed->alloc) {
		feed->alloc = feed->alloc ? feed->alloc * 2 : 64;
		feed->items = xreallocarray(feed->items, feed->alloc,
		    sizeof(*feed->items));
	}
	it = &feed->items[feed->nitems++];
	memset(it, 0, sizeof(*it));
	it->published = it->updated = it->first_seen = DATE_UNKNOWN;
	return it;
}

struct store_body *
store_bodies_add(struct store_bodies *b)
{
	struct store_body *body;

	if (b->n == b->alloc) {
		b->alloc = b->alloc ? b->alloc * 2 : 64;
		b->v = xreallocarray(b->v, b->alloc, sizeof(*b->v));
	}
	body = &b->v[b->n++];
	memset(body, 0, sizeof(*body));
	return body;
}

struct store_item *
store_feed_find(const struct store_feed *feed, const char *key)
{
	size_t i;

	for (i = 0; i < feed->nitems; i++)
		if (strcmp(feed->items[i].key, key) == 0)
			return &feed->items[i];
	return NULL;
}

struct store_body *
store_bodies_find(const struct store_bodies *b, const char *key)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (strcmp(b->v[i].key, key) == 0)
			return &b->v[i];
	return NULL;
}

/*
 * Read a tier file; a damaged one is moved aside and noted (only noted in
 * a read-only store), and reads as empty, like a missing one. Returns what
 * xml_load() did: 0, 1 (missing), -2 (damaged), or -1 when the file is
 * there but cannot be opened, with err.
 */
static int
load_tier(const struct store *st, const char *path, enum xml_kind kind,
    void *data, struct strbuf *notes, struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT;
	int rc = xml_load(path, kind, data, &why);

	if (rc == -1)
		strbuf_add(err, why.buf, why.len);
	else if (rc == -2 && st->read_only)	/* the writer's to mend */
		strbuf_addf(notes, "%s\n", why.buf);
	else if (rc == -2)
		move_aside(path, notes, &why);
	strbuf_release(&why);
	return rc;
}

int
store_load_feed(struct store *st, const char *id, struct store_feed *feed,
    struct strbuf *notes, struct strbuf *err)
{
	char *path = store_path(st, "feeds", id);
	int rc;

	wait_feed(st, id);
	memset(feed, 0, sizeof(*feed));
	feed->id = xstrdup(id);
	rc = load_tier(st, path, XML_FEED, feed, notes, err);
	free(path);
	if (rc == -1)
		return -1;
	apply_marks(st, feed);
	return 0;
}

int
store_load_bodies(struct store *st, const char *id,
    struct store_bodies *bodies, struct strbuf *notes, struct strbuf *err)
{
	char *path = store_path(st, "bodies", id);
	int rc;

	wait_feed(st, id);
	memset(bodies, 0, sizeof(*bodies));
	rc = load_tier(st, path, XML_BODIES, bodies, notes, err);
	free(path);
	return rc == -1 ? -1 : 0;
}

int
store_has_files(struct store *st, const char *id)
{
	char *feed, *bodies;
	struct stat sb;
	int has;

	wait_feed(st, id);
	feed = store_path(st, "feeds", id);
	bodies = store_path(st, "bodies", id);
	has = stat(feed, &sb) == 0 && stat(bodies, &sb) == 0;

	free(feed);
	free(bodies);
	return has;
}

int
store_save_index(struct store *st, struct strbuf *err)
{
	char *path;
	int rc;

	if (st->read_only || !st->index_dirty)
		return 0;
	path = store_path(st, "index.xml", NULL);
	rc = xml_save(path, XML_INDEX, st, 0, err);
	if (rc == 0)
		st->index_dirty = 0;
	free(path);
	return rc == 0 ? 0 : -1;
}

/* In a batch, the folders are flushed once, at its end. */
static unsigned
batch_flags(const struct store *st)
{
	return st->batch ? FILE_NO_FOLDER_SYNC : 0;
}

/* Flush the folders of the files saved in the batch. */
static int
batch_sync(struct store *st, struct strbuf *err)
{
	static const char *const sub[] = { "feeds", "bodies" };
	char *path;
	size_t i;
	int rc = 0;

	for (i = 0; i < 2 && rc == 0; i++) {
		path = store_path(st, sub[i], "x");
		rc = file_sync_parent(path, err);
		free(path);
	}
	return rc;
}

void
store_write_files(struct save_job *job)
{
	char *keep = NULL;
	int rc = 0, kept = 0, hrc = -1, unflushed = 0;
	int bodies = job->bodies != NULL;

	if (bodies) {
		/* the old bodies, to put back if the headers cannot follow */
		keep = xasprintf("%s.old", job->bodies_path);
		unlink(keep);
		kept = link(job->bodies_path, keep) == 0;
		rc = xml_save(job->bodies_path, XML_BODIES, job->bodies,
		    job->flags, &job->err);
		if (rc == -1 && kept)
			unlink(keep);
		if (rc == -1)
			bodies = 0;
		unflushed = rc == -2;	/* in place, its folder not flushed */
		if (rc == -2)
			rc = 0;
	}
	if (rc == 0)
		hrc = xml_save(job->feed_path, XML_FEED, job->feed,
		    job->flags, &job->err);
	/* the headers in place (-2: their folder not flushed) keep the
	 * new bodies; the old ones go back only under the old headers */
	if (bodies) {
		if (hrc != -1 && kept)
			unlink(keep);
		else if (hrc == -1 && kept)
			rename(keep, job->bodies_path);
		else if (hrc == -1)
			unlink(job->bodies_path);
	}
	free(keep);
	job->rc = hrc == -1 ? -1 : hrc == 0 && !unflushed ? 0 : -2;
}

/* A writer thread's work: a save job. */
static void
run_save(struct work *w)
{
	store_write_files((struct save_job *)w);
}

/*
 * The job that saves feed and bodies (NULL: they stay) in st; with take,
 * it takes them, and leaves them empty.
 */
static struct save_job *
save_job_new(struct store *st, struct store_feed *feed,
    struct store_bodies *bodies, int take)
{
	struct save_job *job = xcalloc(1, sizeof(*job));
	struct store_feed_info counts = { 0 };

	snprintf(job->id, sizeof(job->id), "%s", feed->id);
	job->work.run = run_save;
	job->work.key = job->id;
	job->url = xstrdup(feed->url);
	job->feed_path = store_path(st, "feeds", feed->id);
	job->feed = feed;
	if (bodies != NULL) {
		job->bodies_path = store_path(st, "bodies", feed->id);
		job->bodies = bodies;
	}
	job->flags = batch_flags(st);
	strbuf_init(&job->err, 0);
	job->title = feed->title != NULL ? xstrdup(feed->title) : NULL;
	count_items(&counts, feed);
	job->total = counts.total;
	job->unread = counts.unread;
	job->flagged = counts.flagged;
	if (take) {
		job->own_feed = *feed;
		memset(feed, 0, sizeof(*feed));
		job->feed = &job->own_feed;
	}
	if (take && bodies != NULL) {
		job->own_bodies = *bodies;
		memset(bodies, 0, sizeof(*bodies));
		job->bodies = &job->own_bodies;
	}
	return job;
}

static void
save_job_free(struct save_job *job)
{
	free(job->url);
	free(job->feed_path);
	free(job->bodies_path);
	store_feed_release(&job->own_feed);
	store_bodies_release(&job->own_bodies);
	strbuf_release(&job->err);
	free(job->title);
	free(job);
}

/* The index takes what the saved job brought: the title, the counts. */
static void
index_saved(struct store *st, const struct save_job *job)
{
	struct store_feed_info *f = info_for(st, job->url);

	if (job->title != NULL && (f->title == NULL ||
	    strcmp(f->title, job->title) != 0)) {
		free(f->title);
		f->title = xstrdup(job->title);
	}
	f->total = job->total;
	f->unread = job->unread;
	f->flagged = job->flagged;
	st->index_dirty = 1;
}

/*
 * A job of the writer is back. Saved, the feed's marks are in its file
 * now (the save marker stays in the journal until store_end_batch()
 * saved the index); not, they stay, and the failure waits for
 * store_take_failure().
 */
static void
job_back(struct store *st, struct save_job *job)
{
	struct save_failure *fail;

	if (job->rc != -1) {
		index_saved(st, job);
		marks_forget(st, job->id, 1);
		st->batch_saved++;
	}
	if (job->rc != 0) {
		st->failures = xreallocarray(st->failures, st->nfailures + 1,
		    sizeof(*st->failures));
		fail = &st->failures[st->nfailures++];
		fail->url = xstrdup(job->url);
		fail->why = strbuf_detach(&job->err, NULL);
		snprintf(fail->id, sizeof(fail->id), "%s", job->id);
		fail->line = job->line;
		if (job->rc != -1)	/* in place: the line stays */
			fail->line.start = -1;
	}
	save_job_free(job);
}

/* Take back the finished jobs; with wait, every job, once finished. */
static void
take_jobs(struct store *st, int wait)
{
	struct save_job *job;

	while (st->writer != NULL &&
	    (job = (struct save_job *)workq_done(st->writer, wait)) != NULL)
		job_back(st, job);
}

/* Wait for the writer's job on feed id, if it has one, and take it. */
static void
wait_feed(struct store *st, const char *id)
{
	while (st->writer != NULL && workq_has(st->writer, id))
		job_back(st, (struct save_job *)workq_done(st->writer, 1));
}

int
store_take_failure(struct store *st, char **url, struct strbuf *why)
{
	struct save_failure *fail;

	if (st->nfailures == 0)
		return 0;
	fail = &st->failures[0];
	*url = fail->url;
	strbuf_addstr(why, fail->why);
	free(fail->why);
	memmove(fail, fail + 1, --st->nfailures * sizeof(*fail));
	return 1;
}

/*
 * A save of feed id begins: the journal says so, so that a crash before
 * the index has the feed's counts has them counted again at the next
 * start. Where the line went goes to *line.
 */
static int
begin_save(struct store *st, const char *id, struct save_line *line,
    struct strbuf *err)
{
	if (st->read_only) {
		strbuf_addf(err, _("the store in '%s' is open read-only"),
		    st->dir);
		return -1;
	}
	wait_feed(st, id);
	line->had_marker = has_mark(st, id, SAVING_KEY);
	line->start = lseek(st->journal_fd, 0, SEEK_END);
	if (journal_append(st, id, SAVING_KEY, SAVING_FLAGS, err) == -1)
		return -1;
	line->end = lseek(st->journal_fd, 0, SEEK_END);
	marks_put(st, id, SAVING_KEY, SAVING_FLAGS);
	return 0;
}

/*
 * A save of feed id replaced nothing: its journal line goes too, as if
 * it had never begun (line must be the journal's last). 0, or -1.
 */
static int
take_line_back(struct store *st, const char *id, struct save_line *line)
{
	if (line->start == -1 || ftruncate(st->journal_fd, line->start) != 0)
		return -1;
	if (!line->had_marker)
		marks_drop(st, id, SAVING_KEY);
	line->start = -1;
	return 0;
}

/*
 * The journal's lines of failed saves go, as a failed save outside a
 * batch takes its line back: from the end, as long as the last line is
 * one of them (a mark made since keeps those before it).
 */
static void
unwind_journal(struct store *st)
{
	struct save_failure *f;
	size_t i;

	for (i = 0; i < st->nfailures; i++) {
		f = &st->failures[i];
		if (f->line.start == -1 ||
		    lseek(st->journal_fd, 0, SEEK_END) != f->line.end)
			continue;
		if (take_line_back(st, f->id, &f->line) == -1)
			return;
		i = (size_t)-1;		/* the one before may be last now */
	}
}

void
store_wait_saves(struct store *st)
{
	take_jobs(st, 1);
	unwind_journal(st);
}

int
store_save_feed(struct store *st, const struct store_feed *feed,
    const struct store_bodies *bodies, struct strbuf *err)
{
	struct save_job *job;
	struct save_line line;
	int rc;

	if (begin_save(st, feed->id, &line, err) == -1)
		return -1;
	/* the job only reads them */
	job = save_job_new(st, (struct store_feed *)feed,
	    (struct store_bodies *)bodies, 0);
	store_write_files(job);
	rc = job->rc;
	strbuf_add(err, job->err.buf, job->err.len);
	if (rc == -1) {
		/* nothing was replaced: the journal goes back as it was too */
		take_line_back(st, feed->id, &line);
		save_job_free(job);
		return -1;
	}
	index_saved(st, job);
	save_job_free(job);
	if (st->batch) {
		marks_forget(st, feed->id, 1);
		st->batch_saved++;
		return rc == 0 ? 0 : -1;
	}
	/* the journal's lines for the feed go only once the index has its
	 * counts: a crash before leaves them to recount it at the next start */
	if (store_save_index(st, err) == -1 || journal_fold(st, feed->id,
	    err) == -1)
		return -1;
	return rc == 0 ? 0 : -1;
}

/*
 * The writer threads: one more than the parsers, for most of the time one
 * of them waits for fsync() and the others keep the processors busy; none
 * when the main thread does all.
 */
static unsigned
writer_threads(void)
{
	unsigned n = workq_threads();

	return n == 0 ? 0 : n + 1;
}

int
store_save_feed_later(struct store *st, struct store_feed *feed,
    struct store_bodies *bodies, struct strbuf *err)
{
	struct save_job *job;
	struct save_line line;

	if (!st->batch)
		return store_save_feed(st, feed, bodies, err);
	if (st->writer == NULL && writer_threads() > 0) {
		mxml_setup();
		st->writer = workq_start(writer_threads());
	}
	if (st->writer == NULL)
		return store_save_feed(st, feed, bodies, err);
	if (begin_save(st, feed->id, &line, err) == -1)
		return -1;
	job = save_job_new(st, feed, bodies, 1);
	job->line = line;
	take_jobs(st, 0);
	workq_put(st->writer, &job->work);
	return 0;
}

void
store_begin_batch(struct store *st)
{
	st->batch = 1;
}

int
store_end_batch(struct store *st, struct strbuf *err)
{
	size_t i, kept = 0;

	st->batch = 0;
	store_wait_saves(st);
	workq_stop(st->writer);
	st->writer = NULL;
	if (st->batch_saved == 0)
		return 0;
	st->batch_saved = 0;
	if (batch_sync(st, err) == -1 || store_save_index(st, err) == -1)
		return -1;	/* the markers stay: the next start recounts */
	for (i = 0; i < st->nmarks; i++) {
		if (strcmp(st->marks[i].key, SAVING_KEY) == 0) {
			free(st->marks[i].key);
			continue;
		}
		st->marks[kept++] = st->marks[i];
	}
	st->nmarks = kept;
	return journal_rewrite(st, err);
}

/*
 * Make the index again from the feed files, when it is lost or damaged
 * (noted then, and when a lost one had feeds to find).
 */
static void
rebuild_index(struct store *st, int damaged, struct strbuf *notes)
{
	char *dir = store_path(st, "feeds", NULL), *path;
	struct strbuf err = STRBUF_INIT;
	struct store_feed feed;
	struct store_feed_info *f;
	struct dirent *de;
	DIR *d = opendir(dir);
	size_t len;

	while (d != NULL && (de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len != HASH_HEX_SIZE - 1 + 4 ||
		    strcmp(de->d_name + len - 4, ".xml") != 0)
			continue;
		path = path_join(dir, de->d_name);
		memset(&feed, 0, sizeof(feed));
		if (xml_load(path, XML_FEED, &feed, &err) == 0 &&
		    feed.url != NULL) {
			f = store_index_add(st);
			f->id = xstrndup(de->d_name, len - 4);
			f->url = xstrdup(feed.url);
			f->title = feed.title != NULL ? xstrdup(feed.title) :
			    NULL;
			count_items(f, &feed);
		}
		strbuf_reset(&err);
		store_feed_release(&feed);
		free(path);
	}
	if (d != NULL)
		closedir(d);
	if (damaged || st->nfeeds > 0)
		strbuf_addf(notes, _("the index was rebuilt from %zu feed "
		    "files\n"), st->nfeeds);
	st->index_dirty = 1;
	strbuf_release(&err);
	free(dir);
}

/* Take the lock of the data folder, or say who holds it. */
static int
take_lock(struct store *st, struct strbuf *notes, struct strbuf *err)
{
	char *path = store_path(st, "lock", NULL);

	st->lock_fd = open_regular(path, O_RDWR, notes);
	free(path);
	if (st->lock_fd < 0) {
		strbuf_addf(err, _("cannot open the lock in '%s': %s"),
		    st->dir, strerror(errno));
		return -1;
	}
	if (flock(st->lock_fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	if (errno == EWOULDBLOCK)
		strbuf_addf(err, _("tidings is already running on %s"),
		    st->dir);
	else
		strbuf_addf(err, _("cannot lock '%s': %s"), st->dir,
		    strerror(errno));
	return -1;
}

/* Make the folders of the store. */
static int
make_folders(struct store *st, struct strbuf *err)
{
	char *feeds = store_path(st, "feeds", NULL);
	char *bodies = store_path(st, "bodies", NULL);
	int rc = path_mkdirs(feeds, err) == 0 && path_mkdirs(bodies, err) == 0
	    ? 0 : -1;

	free(feeds);
	free(bodies);
	return rc;
}

/*
 * Remove what saves that a crash cut short left in the folder sub of the
 * store (or its top): the temporary files ".NAME.XXXXXX" of
 * file_replace_with(), and the bodies kept as "ID.xml.old" while a feed
 * is saved. Only the writer, holding the lock, does this.
 */
static void
sweep_leftovers(struct store *st, const char *sub)
{
	char *dir = sub != NULL ? store_path(st, sub, NULL) : xstrdup(st->dir);
	char *path;
	struct dirent *de;
	DIR *d = opendir(dir);
	size_t len;

	while (d != NULL && (de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (!(de->d_name[0] == '.' && len > 8 &&
		    de->d_name[len - 7] == '.') && !(len > 8 &&
		    strcmp(de->d_name + len - 8, ".xml.old") == 0))
			continue;
		path = path_join(dir, de->d_name);
		unlink(path);
		free(path);
	}
	if (d != NULL)
		closedir(d);
	free(dir);
}

/* Add to the index the feed id whose first save a crash cut short. */
static void
index_orphan(struct store *st, const char *id, struct strbuf *notes)
{
	struct strbuf err = STRBUF_INIT;
	struct store_feed feed;
	struct store_feed_info *f;

	if (store_load_feed(st, id, &feed, notes, &err) == 0 &&
	    feed.url != NULL) {
		f = store_index_add(st);
		f->id = xstrdup(id);
		f->url = xstrdup(feed.url);
		f->title = feed.title != NULL ? xstrdup(feed.title) : NULL;
		st->index_dirty = 1;
	}
	store_feed_release(&feed);
	strbuf_release(&err);
}

/*
 * Bring the index up to the journal: feeds it has marks for, or whose
 * save was under way, are counted again from their files.
 */
static void
count_marked_feeds(struct store *st, struct strbuf *notes)
{
	struct strbuf err = STRBUF_INIT;
	struct store_feed feed;
	size_t i, j;

	for (j = 0; j < st->nmarks; j++)
		if (strcmp(st->marks[j].key, SAVING_KEY) == 0 &&
		    info_by_id(st, st->marks[j].id) == NULL)
			index_orphan(st, st->marks[j].id, notes);
	for (i = 0; i < st->nfeeds; i++) {
		for (j = 0; j < st->nmarks; j++)
			if (strcmp(st->marks[j].id, st->feeds[i].id) == 0)
				break;
		if (j == st->nmarks)
			continue;
		if (store_load_feed(st, st->feeds[i].id, &feed, notes,
		    &err) == 0)
			count_items(&st->feeds[i], &feed);
		store_feed_release(&feed);
		strbuf_reset(&err);
		st->index_dirty = 1;
	}
	strbuf_release(&err);
}

int
store_open(struct store **out, const char *dir, int read_only,
    struct strbuf *notes, struct strbuf *err)
{
	struct store *st = xcalloc(1, sizeof(*st));

	st->by_url = xcalloc(1, sizeof(*st->by_url));
	char *index;
	int rc = -1;

	st->dir = xstrdup(dir);
	st->read_only = read_only;
	st->lock_fd = st->journal_fd = -1;
	if (!read_only && (path_mkdirs(dir, err) == -1 ||
	    take_lock(st, notes, err) == -1 || make_folders(st, err) == -1 ||
	    journal_open(st, notes, err) == -1))
		goto out;
	if (!read_only) {
		sweep_leftovers(st, NULL);
		sweep_leftovers(st, "feeds");
		sweep_leftovers(st, "bodies");
	}
	if (journal_load(st, notes, err) == -1)
		goto out;
	index = store_path(st, "index.xml", NULL);
	rc = load_tier(st, index, XML_INDEX, st, notes, err);
	free(index);
	if (rc == -1)
		goto out;
	if (rc != 0)
		rebuild_index(st, rc == -2, notes);
	count_marked_feeds(st, notes);
	rc = 0;
out:
	if (rc != 0) {
		store_close(st);
		st = NULL;
	}
	*out = st;
	return rc;
}

void
store_close(struct store *st)
{
	struct strbuf err = STRBUF_INIT;
	size_t i;

	if (st == NULL)
		return;
	if (st->lock_fd >= 0)
		store_end_batch(st, &err);	/* derived data: best effort */
	if (st->lock_fd >= 0)
		store_save_index(st, &err);
	for (i = 0; i < st->nfeeds; i++)
		info_release(&st->feeds[i]);
	for (i = 0; i < st->nmarks; i++)
		free(st->marks[i].key);
	for (i = 0; i < st->nfailures; i++) {
		free(st->failures[i].url);
		free(st->failures[i].why);
	}
	free(st->failures);
	free(st->marks);
	free(st->feeds);
	free(st->by_url->slots);
	free(st->by_url);
	if (st->journal_fd >= 0)
		close(st->journal_fd);
	if (st->lock_fd >= 0)
		close(st->lock_fd);
	free(st->dir);
	free(st);
	strbuf_release(&err);
}
