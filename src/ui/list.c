/* SPDX-License-Identifier: ISC */
/*
 * The generic list: cursor and scrolling, nothing drawn.
 */
#include "config.h"

#include "ui/list.h"

void
list_set_count(struct list *l, size_t n)
{
	l->n = n;
	if (n == 0) {
		l->cur = l->top = 0;
		return;
	}
	if (l->cur >= n)
		l->cur = n - 1;
	if (l->top > l->cur)
		l->top = l->cur;
}

void
list_scroll(struct list *l, int h)
{
	size_t rows = h > 0 ? (size_t)h : 1;

	if (l->cur < l->top)
		l->top = l->cur;
	else if (l->cur >= l->top + rows)
		l->top = l->cur - rows + 1;
	if (l->n > rows && l->top > l->n - rows)
		l->top = l->n - rows;
	if (l->n <= rows)
		l->top = 0;
}

void
list_go(struct list *l, size_t i, int h)
{
	if (l->n == 0)
		return;
	l->cur = i < l->n ? i : l->n - 1;
	list_scroll(l, h);
}

int
list_move(struct list *l, enum action action, int h)
{
	size_t page = h > 1 ? (size_t)h - 1 : 1;

	if (l->n == 0)
		return action >= ACT_DOWN && action <= ACT_LAST;
	switch (action) {
	case ACT_DOWN:
		if (l->cur + 1 < l->n)
			l->cur++;
		break;
	case ACT_UP:
		if (l->cur > 0)
			l->cur--;
		break;
	case ACT_PAGE_DOWN:
		l->cur = l->cur + page < l->n ? l->cur + page : l->n - 1;
		l->top += page;
		break;
	case ACT_PAGE_UP:
		l->cur = l->cur > page ? l->cur - page : 0;
		l->top = l->top > page ? l->top - page : 0;
		break;
	case ACT_FIRST:
		l->cur = 0;
		break;
	case ACT_LAST:
		l->cur = l->n - 1;
		break;
	default:
		return 0;
	}
	list_scroll(l, h);
	return 1;
}
