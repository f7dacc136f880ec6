/* SPDX-License-Identifier: ISC */
/*
 * The one list every list view uses: how many rows, which one has the
 * cursor, which one is at the top of its window. Moving keeps the cursor
 * on the screen and the screen still when it can.
 */
#ifndef TIDINGS_UI_LIST_H
#define TIDINGS_UI_LIST_H

#include <stddef.h>

#include "keys.h"

struct list {
	size_t	n;
	size_t	cur;
	size_t	top;
};

/* Set the number of rows, keeping cur and top inside. */
void list_set_count(struct list *l, size_t n);

/* Put the cursor on row i and scroll so that it shows in h rows. */
void list_go(struct list *l, size_t i, int h);

/* Keep the cursor inside a window of h rows. */
void list_scroll(struct list *l, int h);

/* Move by a movement action in a window of h rows; 1 if it was one. */
int list_move(struct list *l, enum action action, int h);

#endif
