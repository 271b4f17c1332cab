#ifndef PODIUM_COMMON_H
#define PODIUM_COMMON_H

#include <stdarg.h>
#include <stddef.h>

#define PD_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define PD_STR_(x) #x
#define PD_STR(x) PD_STR_(x)
#define PD_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define PD_NORETURN __attribute__((noreturn))
#define PD_UNUSED __attribute__((unused))

/* Allocation that cannot fail: out of memory ends the program with a message. */
void *pd_malloc(size_t n);
void *pd_calloc(size_t count, size_t n);
void *pd_realloc(void *p, size_t n);
char *pd_strdup(const char *s);
char *pd_strndup(const char *s, size_t n);
char *pd_asprintf(const char *fmt, ...) PD_PRINTF(1, 2);
char *pd_vasprintf(const char *fmt, va_list ap) PD_PRINTF(1, 0);

/*
 * Room for one more element: when count has reached *cap, the array items of
 * size-byte elements grows (doubling) and is returned, else returned as is.
 */
void *pd_grow(void *items, size_t count, size_t *cap, size_t size);
#define PD_GROW(arr, count, cap) ((arr) = pd_grow((arr), (count), &(cap), sizeof(*(arr))))

/* Room for need elements in all (a buffer's bytes, a table's cells): *cap doubles until it holds them. */
void *pd_reserve(void *items, size_t need, size_t *cap, size_t size);
#define PD_RESERVE(arr, need, cap) ((arr) = pd_reserve((arr), (need), &(cap), sizeof(*(arr))))

/*
 * Called before the program dies of an unrecoverable error, so the console
 * can give the terminal back first. NULL by default.
 */
extern void (*pd_die_hook)(void);
PD_NORETURN void pd_die(const char *fmt, ...) PD_PRINTF(1, 2);

#endif
