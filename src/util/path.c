/* SPDX-License-Identifier: ISC */
/*
 * XDG folders, path joining and folder creation.
 */
#include "config.h"

#include "util/path.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/xmalloc.h"

/* The home folder: $HOME when absolute, else the password database. */
static const char *
home_dir(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (home != NULL && home[0] == '/')
		return home;
	pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_dir != NULL && pw->pw_dir[0] == '/')
		return pw->pw_dir;
	return NULL;
}

/* $var/tidings when var holds an absolute path, else ~/fallback/tidings. */
static char *
xdg_dir(const char *var, const char *fallback)
{
	const char *base = getenv(var), *home;

	if (base != NULL && base[0] == '/')
		return path_join(base, PACKAGE);
	home = home_dir();
	if (home == NULL)
		return NULL;
	return xasprintf("%s/%s/%s", strcmp(home, "/") ? home : "",
	    fallback, PACKAGE);
}

char *
path_config_dir(void)
{
	return xdg_dir("XDG_CONFIG_HOME", ".config");
}

char *
path_data_dir(void)
{
	return xdg_dir("XDG_DATA_HOME", ".local/share");
}

char *
path_join(const char *dir, const char *name)
{
	size_t len = strlen(dir);

	while (len > 1 && dir[len - 1] == '/')
		len--;
	if (len == 1 && dir[0] == '/')
		len = 0;
	return xasprintf("%.*s/%s", (int)len, dir, name);
}

/* Create one folder; an existing folder is fine. */
static int
mkdir_one(const char *dir, struct strbuf *err)
{
	struct stat st;

	if (mkdir(dir, 0700) == 0)
		return 0;
	if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	if (errno == EEXIST)
		errno = ENOTDIR;
	strbuf_addf(err, _("cannot create folder '%s': %s"), dir,
	    strerror(errno));
	return -1;
}

int
path_mkdirs(const char *dir, struct strbuf *err)
{
	char *copy = xstrdup(dir), *p;
	int rc = 0;

	for (p = copy + 1; *p != '\0' && rc == 0; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		rc = mkdir_one(copy, err);
		*p = '/';
	}
	if (rc == 0)
		rc = mkdir_one(copy, err);
	free(copy);
	return rc;
}
