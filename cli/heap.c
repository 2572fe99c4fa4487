/* SPDX-License-Identifier: MIT */
/*
 * heap.c: the heap the browser grows into, on one huge page.
 *
 * Until its first screen the browser touches about 700 kB of new heap
 * (curses' three screens, SQLite's schema and statements, the panes),
 * some 170 pages.  On a virtual machine a page's first touch is a trip
 * to the hypervisor: measured on the bench machine, touching 1 MB took
 * 3-7 ms in 4 kB pages and 0.1-1 ms as one transparent huge page.  The
 * kernel gives a huge page only to a 2 MB-aligned range that a mapping
 * covers whole and that was advised MADV_HUGEPAGE (the usual
 * "madvise" setting), and malloc's heap is neither: it starts anywhere
 * and grows 132 kB at a time.  So, before the registry is opened:
 *
 *   - malloc is told to grow and keep its heap (brk) 2 MB at a time, and
 *     to serve blocks of up to 8 MB from it rather than from mmap;
 *   - a 4 MB block, allocated and freed untouched, makes the heap cover
 *     the next 2 MB boundary and the 2 MB after it (address space only:
 *     a page never touched costs nothing), and tells where the heap's
 *     free top starts;
 *   - those 2 MB are advised MADV_HUGEPAGE, before anything touches them;
 *   - an untouched filler block takes the free top up to the boundary,
 *     so that the next blocks are carved from the huge page upwards.
 *
 * Each step may fail or be ignored (another allocator, as under ASan or
 * valgrind; a kernel that says no); the browser then runs as before.
 * The cost is up to 2 MB more resident memory, counted in the bench.
 */
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "cli.h"

#define HUGE_PAGE ((size_t)2 << 20)

static void *filler;   /* kept, untouched, for the life of the process */

int heap_prefer_huge_page(void)
{
#ifdef MADV_HUGEPAGE
	uintptr_t start, boundary;
	char *probe;

	if (!mallopt(M_MMAP_THRESHOLD, 4 * HUGE_PAGE) || !mallopt(M_TRIM_THRESHOLD, 4 * HUGE_PAGE)
	    || !mallopt(M_TOP_PAD, HUGE_PAGE))
		return 0;
	/* A block bigger than any free one is carved from the heap's free
	 * top; freed, it merges back into it. */
	probe = malloc(2 * HUGE_PAGE);
	if (!probe)
		return 0;
	start = (uintptr_t)probe;
	free(probe);
	boundary = (start + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
	if (boundary - start < 64)
		boundary += HUGE_PAGE;
	if (madvise((void *)boundary, HUGE_PAGE, MADV_HUGEPAGE) != 0)
		return 0;
	/* A chunk's size counts its 8-byte header: asking for that much less
	 * ends the filler, carved at start again, at the boundary. */
	filler = malloc(boundary - start - sizeof(size_t));
	if ((uintptr_t)filler != start) {
		free(filler);
		filler = NULL;
	}
	return filler != NULL;
#else
	return 0;
#endif
}
