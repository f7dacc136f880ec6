/* SPDX-License-Identifier: ISC */
/*
 * A queue of work for a few threads: the main thread puts jobs, the
 * threads run them in order, and the main thread takes them back once
 * they are done. A job is a struct that begins with a struct work; the
 * threads touch nothing but the job, through its run function.
 */
#ifndef TIDINGS_UTIL_WORKQ_H
#define TIDINGS_UTIL_WORKQ_H

enum work_state { WORK_QUEUED, WORK_RUNNING, WORK_DONE };

struct work {
	struct work	*next;		/* the queue's */
	enum work_state	 state;		/* the queue's */
	void		(*run)(struct work *);
	const char	*key;		/* for workq_has(), or NULL */
};

struct workq;

/*
 * How many threads the parsers of the refresh should have (the writers
 * take one more): TIDINGS_THREADS (0 to 8; 0, none: the main thread does
 * the work), else one a processor, up to four.
 */
unsigned workq_threads(void);

/*
 * Start nthreads threads (1 to 8), with every signal blocked (signals are
 * the main thread's), that run the jobs put to the queue, no more than
 * two a thread at once unfinished: workq_put() waits for room. Returns
 * NULL when no thread can be made.
 */
struct workq *workq_start(unsigned nthreads);

/* Queue job, once there is room. */
void workq_put(struct workq *q, struct work *job);

/*
 * Take back a finished job, the oldest first; NULL when none is done.
 * With wait, wait for one unless none is queued or running.
 */
struct work *workq_done(struct workq *q, int wait);

/* Whether a job with this key is queued, running or not taken back. */
int workq_has(struct workq *q, const char *key);

/* Whether any job is queued, running or not taken back. */
int workq_busy(struct workq *q);

/* Wait for the jobs and end the threads; all must have been taken. */
void workq_stop(struct workq *q);

#endif
