/* SPDX-License-Identifier: ISC */
/*
 * Where tidings keeps its files, after the XDG base directory rules:
 * configuration in $XDG_CONFIG_HOME/tidings (~/.config/tidings), data in
 * $XDG_DATA_HOME/tidings (~/.local/share/tidings). A relative XDG value is
 * ignored, as the rules say.
 */
#ifndef TIDINGS_UTIL_PATH_H
#define TIDINGS_UTIL_PATH_H

#include "util/strbuf.h"

/* The configuration folder, as a new string; NULL when there is no home. */
char *path_config_dir(void);

/* The data folder, as a new string; NULL when there is no home. */
char *path_data_dir(void);

/* dir and name joined with one slash, as a new string. */
char *path_join(const char *dir, const char *name);

/*
 * Create dir and any missing parents, mode 0700. Returns 0 when it exists
 * as a folder afterwards, else -1 with the reason in err.
 */
int path_mkdirs(const char *dir, struct strbuf *err);

#endif
