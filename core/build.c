/* SPDX-License-Identifier: MIT */
/*
 * build.c: a registry built from its CSV directory, in one transaction
 * (registry_build), and written to a database file that replaces the old
 * one atomically (import_build_db).  Failures are reported through the
 * caller's import_opts, never written anywhere by the core.
 */
#define _GNU_SOURCE             /* O_TMPFILE */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void import_report(const struct import_opts *opts, const char *file, const char *reason)
{
	if (opts && opts->on_error)
		opts->on_error(opts->ctx, file, 0, NULL, reason);
}

int registry_build(sqlite3 *db, const char *dir, const char *what,
                   const struct import_opts *opts, struct import_stats *stats, int derived,
                   int dirfd)
{
	struct staff_index *si = NULL;
	struct import_stats local = { 0 };
	double t0 = now_seconds();
	char err[512] = "";
	const char *file = sqlite3_db_filename(db, "main");
	int rc;

	if (!stats)
		stats = &local;
	stats->rows = stats->errors = 0;
	/* An 8 MB page cache, and FTS5 hashes of 8 MB (schema.c), two at a
	 * time (staff_index.c): the import's memory stays flat, under 64 MB,
	 * whatever the files' size.  Building
	 * a file (--import), the sorts of CREATE INDEX spill past the cache to
	 * SQLite's own temporary files (opened O_EXCL and unlinked at once) on
	 * disk rather than in memory, where they grew with the files (24 MB
	 * more at a million staff); a registry loaded into memory (--data)
	 * keeps them in memory, writing nothing. */
	sqlite3_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	             "PRAGMA cache_size = -8192;", NULL, NULL, NULL);
	sqlite3_exec(db, file && file[0] ? "PRAGMA temp_store = FILE;" : "PRAGMA temp_store = MEMORY;",
	             NULL, NULL, NULL);
	if (fold_register(db) != SQLITE_OK || sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		import_report(opts, what, sqlite3_errmsg(db));
		return EX_SOFTWARE;
	}
	rc = schema_create(db, err, sizeof(err));
	if (!rc)
		rc = import_into(db, dir, opts, stats);
	if (!rc && derived && dirfd >= 0 && file && file[0]) {
		/* the staff index's thread reads only what is in the file */
		rc = schema_exec(db, "COMMIT; BEGIN", err, sizeof(err));
		if (!rc)
			si = staff_index_start(db, dirfd);
	}
	if (!rc && derived)
		rc = schema_build_derived(db, si == NULL, err, sizeof(err));
	if (!rc)
		rc = schema_exec(db, "COMMIT", err, sizeof(err));
	if (si) {
		char si_err[256];
		int si_rc = staff_index_finish(si, rc ? NULL : db, si_err, sizeof(si_err));

		if (!rc && si_rc) {
			rc = si_rc;
			snprintf(err, sizeof(err), "%s", si_err);
		}
	}
	/* SQLite says "database or disk is full"; the database has no size
	 * limit here, so it is the disk. */
	if (rc == EX_IOERR || sqlite3_errcode(db) == SQLITE_FULL) {
		snprintf(err, sizeof(err), "%s", strerror(ENOSPC));
		rc = EX_IOERR;
	}
	if (rc)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	if (err[0])
		import_report(opts, what, err);
	stats->seconds = now_seconds() - t0;
	return rc;
}

/* ---- the temporary database ------------------------------------------------
 *
 * The database is built in a file no other user can reach by a name: an
 * unnamed file (O_TMPFILE) in the target's directory, linked under a
 * temporary name only to be renamed over the target at once.  A kill at
 * any point leaves nothing behind: the kernel frees an unnamed file.
 * Where the file system has no O_TMPFILE, the file is created under a
 * random name (O_EXCL, no symbolic link followed).  Either way it is
 * opened once, here, and SQLite reaches it through /proc/self/fd/N, never
 * by its name; and the importer holds an flock on it for its whole life,
 * so that a later import can tell a dead importer's file (lock free) from
 * a live one's and remove only the first.
 */

#define TMP_SUFFIX ".tmp-"
#define TMP_RANDOM 6            /* letters after the suffix, as mkstemp() */

struct tmp_db {
	int dirfd;                  /* the target's directory */
	const char *base;           /* the target's name in it */
	int fd;                     /* the database being built, locked */
	char name[NAME_MAX + 1];    /* its temporary name, "" while unnamed */
	mode_t mode;                /* the target's, or 0644 less the umask */
	uid_t uid;                  /* the target's owner, when it has one */
	gid_t gid;
	int has_owner;
};

/* SQLite would turn "/proc/self/fd/N" into the name the link points to
 * (it resolves symbolic links) and open that name: this VFS is the
 * default one but keeps a path as given. */
static int path_as_given(sqlite3_vfs *vfs, const char *path, int n, char *out)
{
	size_t len = strlen(path);

	(void)vfs;
	if (len >= (size_t)n)
		return SQLITE_CANTOPEN;
	memcpy(out, path, len + 1);
	return SQLITE_OK;
}

static sqlite3_vfs fd_vfs;
static pthread_once_t fd_vfs_once = PTHREAD_ONCE_INIT;
static int (*unix_open)(const char *, int, int);

/* SQLite opens every database with O_NOFOLLOW, which refuses the link
 * /proc/self/fd/N itself: for those paths alone, follow it (to this
 * process's own open file, which no one else can redirect). */
static int open_following_fd(const char *path, int flags, int mode)
{
	if (strncmp(path, "/proc/self/fd/", strlen("/proc/self/fd/")) == 0)
		flags &= ~O_NOFOLLOW;
	return unix_open(path, flags, mode);
}

static void fd_vfs_register(void)
{
	sqlite3_vfs *unix_vfs;

	sqlite_setup();
	unix_vfs = sqlite3_vfs_find("unix");
	if (!unix_vfs || !unix_vfs->xGetSystemCall || !unix_vfs->xSetSystemCall)
		return;
	unix_open = (int (*)(const char *, int, int))unix_vfs->xGetSystemCall(unix_vfs, "open");
	if (!unix_open || unix_vfs->xSetSystemCall(unix_vfs, "open",
	                                           (sqlite3_syscall_ptr)open_following_fd) != SQLITE_OK)
		return;
	fd_vfs = *unix_vfs;
	fd_vfs.pNext = NULL;
	fd_vfs.zName = "dcinet-fd";
	fd_vfs.xFullPathname = path_as_given;
	if (sqlite3_vfs_register(&fd_vfs, 0) != SQLITE_OK)
		fd_vfs.zName = NULL;
}

static int is_tmp_name(const char *base, const char *name)
{
	size_t n = strlen(base), i;

	if (strncmp(name, base, n) != 0 || strncmp(name + n, TMP_SUFFIX, strlen(TMP_SUFFIX)) != 0)
		return 0;
	name += n + strlen(TMP_SUFFIX);
	for (i = 0; i < TMP_RANDOM; i++)
		if (!isalnum((unsigned char)name[i]))
			return 0;
	return name[TMP_RANDOM] == '\0';
}

/* A fresh temporary name for base: base.tmp-XXXXXX. */
static int tmp_name(const char *base, char *out, size_t n)
{
	static const char set[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	unsigned char r[TMP_RANDOM];
	size_t len, i;

	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
		return -1;
	len = (size_t)snprintf(out, n, "%s" TMP_SUFFIX "XXXXXX", base);
	if (len >= n)
		return -1;
	for (i = 0; i < TMP_RANDOM; i++)
		out[len - TMP_RANDOM + i] = set[r[i] % (sizeof(set) - 1)];
	return 0;
}

/* Remove name, one of our temporary files, when no live import holds its
 * lock.  Another user's file, or anything but a regular file, is left. */
static void remove_if_dead(int dirfd, const char *name)
{
	struct stat st;
	int fd;

	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)
	    || st.st_uid != geteuid())
		return;
	fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid()
	    && flock(fd, LOCK_EX | LOCK_NB) == 0)
		unlinkat(dirfd, name, 0);
	close(fd);
}

/* The temporary files earlier imports of base were killed before
 * removing. */
static void remove_stale(int dirfd, const char *base)
{
	int fd = dup(dirfd);
	struct dirent *e;
	DIR *d;

	if (fd < 0)
		return;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL)
		if (is_tmp_name(base, e->d_name))
			remove_if_dead(dirfd, e->d_name);
	closedir(d);
}

/* A new file under a temporary name, for file systems without O_TMPFILE.
 * A later import may take the lock between our open and our flock and
 * remove the file: then it has no link left, and we try another name. */
static int create_named(struct tmp_db *t)
{
	struct stat st;
	int tries;

	for (tries = 0; tries < 100; tries++) {
		if (tmp_name(t->base, t->name, sizeof(t->name)) != 0)
			break;
		t->fd = openat(t->dirfd, t->name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		               0600);
		if (t->fd < 0 && errno == EEXIST)
			continue;
		if (t->fd < 0)
			break;
		if (flock(t->fd, LOCK_EX) == 0 && fstat(t->fd, &st) == 0 && st.st_nlink > 0)
			return 0;
		close(t->fd);
	}
	t->fd = -1;
	t->name[0] = '\0';
	return -1;
}

static int tmp_create(struct tmp_db *t)
{
	t->name[0] = '\0';
	t->fd = openat(t->dirfd, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (t->fd >= 0)
		return flock(t->fd, LOCK_EX);
	if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
		return -1;
	return create_named(t);
}

/* Give the unnamed file a temporary name, to rename it over the target. */
static int tmp_link(struct tmp_db *t)
{
	char proc[64];
	int tries;

	if (t->name[0])
		return 0;
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", t->fd);
	for (tries = 0; tries < 100; tries++) {
		if (tmp_name(t->base, t->name, sizeof(t->name)) != 0)
			break;
		if (linkat(AT_FDCWD, proc, t->dirfd, t->name, AT_SYMLINK_FOLLOW) == 0)
			return 0;
		if (errno != EEXIST)
			break;
	}
	t->name[0] = '\0';
	return -1;
}

/* Open the target's directory and look at the target: it must be a
 * regular file if it exists, and the new one takes its mode and owner. */
static int tmp_prepare(struct tmp_db *t, const char *db_path, const struct import_opts *opts)
{
	char parent[PATH_MAX];
	const char *slash = strrchr(db_path, '/');
	struct stat st;
	mode_t mask;

	memset(t, 0, sizeof(*t));
	t->fd = t->dirfd = -1;
	t->base = slash ? slash + 1 : db_path;
	if (!*t->base || strcmp(t->base, ".") == 0 || strcmp(t->base, "..") == 0
	    || strlen(t->base) + strlen(TMP_SUFFIX) + TMP_RANDOM > NAME_MAX) {
		import_report(opts, db_path, "not a file name");
		return EX_USAGE;
	}
	if (!slash)
		strcpy(parent, ".");
	else if (slash == db_path)
		strcpy(parent, "/");
	else if (snprintf(parent, sizeof(parent), "%.*s", (int)(slash - db_path), db_path)
	         >= (int)sizeof(parent))
		return EX_USAGE;
	t->dirfd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (t->dirfd < 0) {
		import_report(opts, db_path, strerror(errno));
		return EX_CANTCREAT;
	}
	mask = umask(0);
	umask(mask);
	t->mode = 0644 & ~mask;
	if (fstatat(t->dirfd, t->base, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		if (!S_ISREG(st.st_mode)) {
			import_report(opts, db_path, "not a regular file, not replaced");
			return EX_CANTCREAT;
		}
		t->mode = st.st_mode & 07777;
		t->uid = st.st_uid;
		t->gid = st.st_gid;
		t->has_owner = 1;
	} else if (errno != ENOENT) {
		import_report(opts, db_path, strerror(errno));
		return EX_CANTCREAT;
	}
	return 0;
}

/* Whether name in the target's directory is the file being built, not
 * something another user put in its place. */
static int tmp_is_ours(const struct tmp_db *t, const char *name)
{
	struct stat mine, there;

	return fstat(t->fd, &mine) == 0
	       && fstatat(t->dirfd, name, &there, AT_SYMLINK_NOFOLLOW) == 0
	       && S_ISREG(there.st_mode) && there.st_dev == mine.st_dev
	       && there.st_ino == mine.st_ino;
}

/* A fresh unnamed copy of the built file, for another try at installing
 * it after its name was taken from it. */
static int tmp_recopy(struct tmp_db *t)
{
	int old = t->fd;
	off_t in = 0, out = 0;
	struct stat st;
	ssize_t n;

	t->name[0] = '\0';         /* the name is another user's now */
	if (fstat(old, &st) != 0 || tmp_create(t) != 0) {
		if (t->fd >= 0 && t->fd != old)
			close(t->fd);
		t->fd = old;
		return -1;
	}
	while (in < st.st_size && (n = copy_file_range(old, &in, t->fd, &out,
	                                                (size_t)(st.st_size - in), 0)) > 0)
		;
	close(old);
	return in == st.st_size ? 0 : -1;
}

/* The built file: its mode and owner, on disk, renamed over the target.
 * In a directory others can write (and no sticky bit), another user can
 * swap the temporary name for a link of their own between the link and
 * the rename.  The swap is looked for on both sides of the rename; each
 * time, a fresh copy under a new name is installed instead, a few times
 * at most. */
#define INSTALL_TRIES 8

static int tmp_install(struct tmp_db *t, const char *db_path, const struct import_opts *opts,
                       struct import_stats *stats)
{
	int tries, moved = 0;

	for (tries = 0; tries < INSTALL_TRIES; tries++) {
		if ((tries && tmp_recopy(t) != 0) || fchmod(t->fd, t->mode) != 0
		    || (t->has_owner && geteuid() == 0 && fchown(t->fd, t->uid, t->gid) != 0)
		    || fsync(t->fd) != 0 || tmp_link(t) != 0) {
			import_report(opts, db_path, strerror(errno));
			stats->target_lost = moved;
			return errno == ENOSPC || errno == EIO || errno == EDQUOT ? EX_IOERR
			                                                          : EX_CANTCREAT;
		}
		if (!tmp_is_ours(t, t->name))
			continue;
		if (renameat(t->dirfd, t->name, t->dirfd, t->base) != 0) {
			import_report(opts, db_path, strerror(errno));
			stats->target_lost = moved;
			return EX_CANTCREAT;
		}
		t->name[0] = '\0';
		fsync(t->dirfd);
		if (tmp_is_ours(t, t->base))
			return 0;
		moved = 1;
	}
	import_report(opts, db_path, moved ? "another user keeps replacing the new database as it "
	              "is installed (the directory is writable by others): what is there now is "
	              "theirs" : "another user keeps replacing the new database before it is "
	              "installed (the directory is writable by others)");
	stats->target_lost = moved;
	return EX_CANTCREAT;
}

static void tmp_close(struct tmp_db *t)
{
	if (t->fd >= 0 && t->name[0])
		unlinkat(t->dirfd, t->name, 0);
	if (t->fd >= 0)
		close(t->fd);
	if (t->dirfd >= 0)
		close(t->dirfd);
}

int import_build_db(const char *dir, const char *db_path,
                    const struct import_opts *opts, struct import_stats *stats)
{
	struct tmp_db t;
	char proc[64];
	sqlite3 *db = NULL;
	struct import_stats local;
	int rc;

	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof(*stats));
	rc = tmp_prepare(&t, db_path, opts);
	if (rc) {
		tmp_close(&t);
		return rc;
	}
	remove_stale(t.dirfd, t.base);
	pthread_once(&fd_vfs_once, fd_vfs_register);
	if (tmp_create(&t) != 0) {
		import_report(opts, db_path, strerror(errno));
		tmp_close(&t);
		return EX_CANTCREAT;
	}
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", t.fd);
	if (!fd_vfs.zName || db_open(proc, &db, SQLITE_OPEN_READWRITE, fd_vfs.zName) != SQLITE_OK) {
		import_report(opts, db_path, db ? sqlite3_errmsg(db) : "cannot open SQLite");
		rc = EX_CANTCREAT;
	} else {
		rc = registry_build(db, dir, db_path, opts, stats, 1, t.dirfd);
	}
	if (sqlite3_close(db) != SQLITE_OK && !rc)
		rc = EX_SOFTWARE;
	if (!rc)
		rc = tmp_install(&t, db_path, opts, stats);
	tmp_close(&t);
	return rc;
}
